// <twitch-triage> in Angular: CUSTOM_ELEMENTS_SCHEMA lets the template use
// the element; [lang] and [emergencyNumber] set its properties (lang is
// reflected to the attribute by the browser), (twitch-triage-complete)
// listens to the completion event.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { Triage } from 'twitch-triage';
import type { TwitchTriageCompleteDetail } from 'twitch-triage/element';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>twitch-triage in Angular</h1>
      <label>
        Language
        <select id="lang" #choice [value]="lang()" (change)="lang.set(choice.value)">
          <option value="en">English</option>
          <option value="es">Español</option>
        </select>
      </label>
      <twitch-triage [lang]="lang()" [emergencyNumber]="'911'" share-result (twitch-triage-complete)="done($event)"></twitch-triage>
      <p id="result" role="status">{{ level() ? 'Result: ' + level() : '' }}</p>
    </main>
  `,
})
export class App {
  protected readonly lang = signal('es');
  protected readonly level = signal<Triage | undefined>(undefined);

  protected done(event: CustomEvent<TwitchTriageCompleteDetail>) {
    this.level.set(event.detail.triage);
  }
}
