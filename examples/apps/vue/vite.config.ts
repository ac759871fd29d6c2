import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // Vue must leave <twitch-triage> to the browser (README "Frameworks").
      template: { compilerOptions: { isCustomElement: (tag) => tag === 'twitch-triage' } },
    }),
  ],
  // Vite's dev server must not pre-bundle the element (README "Frameworks").
  optimizeDeps: { exclude: ['twitch-triage'] },
});
