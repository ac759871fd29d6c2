import { bootstrapApplication } from '@angular/platform-browser';
import 'twitch-triage/element';
import { App } from './app';

bootstrapApplication(App).catch((e) => console.error(e));
