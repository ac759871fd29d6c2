import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [svelte()],
  // Vite's dev server must not pre-bundle the element (README "Frameworks").
  optimizeDeps: { exclude: ['twitch-triage'] },
});
