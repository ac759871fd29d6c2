// Bundles src/main.js into public/build/ (`node build.mjs`), or serves
// public/ and rebuilds on change (`node build.mjs --serve`).
//
// esbuild emits no assets: the copy step below puts the files the element
// loads next to the bundle (its wasm, the FHIR export's wasm and the language
// packs), where its `new URL('./…', import.meta.url)` finds them (README
// "Frameworks").
import { cpSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const dist = dirname(fileURLToPath(import.meta.resolve('twitch-triage/element')));
for (const file of ['twitch_triage_element_bg.wasm', 'twitch_triage_fhir.wasm', 'lang']) {
  cpSync(`${dist}/${file}`, `public/build/${file}`, { recursive: true });
}

const options = { entryPoints: ['src/main.js'], bundle: true, format: 'esm', outdir: 'public/build', logLevel: 'info' };
if (process.argv.includes('--serve')) {
  const context = await esbuild.context(options);
  await context.watch();
  const port = Number(process.env.PORT ?? 8000);
  const { hosts } = await context.serve({ servedir: 'public', host: '127.0.0.1', port });
  console.log(`serving http://${hosts[0]}:${port}/`);
} else {
  await esbuild.build({ ...options, minify: true });
}
