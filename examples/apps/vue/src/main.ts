import { createApp } from 'vue';
import 'twitch-triage/element';
import App from './App.vue';

createApp(App).mount('#app');
