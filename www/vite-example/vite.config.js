// Relative asset paths, so the built app can be served from any folder
// (the demo serves it at /vite-example/dist/).
export default { base: './', build: { outDir: 'dist', emptyOutDir: true } };
