import { mount } from 'svelte';
import 'twitch-triage/element';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
