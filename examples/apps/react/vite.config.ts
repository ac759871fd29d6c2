import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // The one line twitch-triage needs (README "Frameworks"): Vite's dev server
  // must not pre-bundle the element, whose files sit next to it.
  optimizeDeps: { exclude: ['twitch-triage'] },
});
