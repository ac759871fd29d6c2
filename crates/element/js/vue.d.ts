// Vue 3 template types for <twitch-triage> (vue-tsc). Add once, anywhere in the app:
//   import type {} from 'twitch-triage/vue';
// and tell Vue's compiler that the tag is a custom element
// (template.compilerOptions.isCustomElement, README "Frameworks").
// In a template: `lang="es"`, `emergency-number="911"` or the property
// `.emergencyNumber="number"`, `share-result`, `shadow-root="open"`, and
// `@twitch-triage-complete="handler"`. (vue-tsc matches an attribute by its
// camelCase name, so the props below are camelCase; write shadow-root with
// its dash, as Vue then sets the attribute, not the read-only shadowRoot.)

import type { DefineComponent, HTMLAttributes } from 'vue';
import type { TwitchTriageAttributes, TwitchTriageEvents } from './element.js';

type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

/**
 * The element's attributes and properties, by the name vue-tsc checks them
 * under, its events, and every HTML element's attributes (id, class, ...).
 */
export type TwitchTriageVueProps = HTMLAttributes & {
  [K in keyof TwitchTriageAttributes as Camel<K>]: TwitchTriageAttributes[K];
} & {
  onTwitchTriageStart?: (event: TwitchTriageEvents['twitch-triage-start']) => void;
  onTwitchTriageComplete?: (event: TwitchTriageEvents['twitch-triage-complete']) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'twitch-triage': DefineComponent<TwitchTriageVueProps>;
  }
}
