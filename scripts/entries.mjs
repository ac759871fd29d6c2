// The npm package's entry modules, written into dist/ by scripts/build.mjs:
// index.js and node.js (every language), entry/<lang>.js and
// entry/<lang>.node.js (one language), and fhir.js and fhir.node.js
// (twitch-triage/fhir). Each instantiates its WebAssembly module and
// installs the language packs, then re-exports the API.
//
// Each entry pins what it loads (SAFETY H19): the wasm's digest is baked in
// and checked before it is used (in browsers by fetch's integrity, in Node
// here); in Node the packs too, read as data (never run). In browsers the
// packs are modules a bundler puts in the app's own bundle.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { dist, FHIR_WASM, integrity } from './dist.mjs';

// The start of a Node entry: its imports (`imports`, after the two every
// one needs) and `pinned`, which reads a file of the package.
const nodeStart = (imports) => `import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
${imports}
// A file of the package, if it is the one this entry was built with.
const pinned = (url, digest) => {
  const bytes = readFileSync(url);
  if (\`sha384-\${createHash('sha384').update(bytes).digest('base64')}\` !== digest) throw new Error(\`twitch-triage: \${url.pathname} is not the file this package was built with (its SHA-384 digest differs); reinstall the package\`);
  return bytes;
};
`;

/**
 * The API's entries (crates/api, the wasm `twitch_triage_bg.wasm`) for the
 * core's languages `langs`, in its order: one for every language, and one
 * per language.
 */
export function writeApiEntries(langs) {
  // (Everything crates/api/js/api.js exports: the one list of the API.)
  const exports = `export * from './api.js';\n`;
  // Each pack is an ES module whose default export is the pack (a string).
  // An entry module instantiates the wasm and installs the texts of `langs`,
  // then re-exports the API. `file` is relative to dist/.
  const wasmDigest = integrity(join(dist, 'twitch_triage_bg.wasm'));
  const entry = (file, about, langs, node) => {
    const up = file.includes('/') ? '../' : './';
    const wasmUrl = `new URL('${up}twitch_triage_bg.wasm', import.meta.url)`;
    let start;
    if (node) {
      const packs = langs.map((l) => `[new URL('${up}lang/${l}.js', import.meta.url), '${integrity(join(dist, 'lang', `${l}.js`))}']`);
      start = `${nodeStart(`import { initSync, installTexts } from '${up}twitch_triage.js';`)}initSync({ module: pinned(${wasmUrl}, '${wasmDigest}') });
// Each pack: the JSON string literal its module exports, read as data.
for (const [url, digest] of [${packs.join(', ')}]) {
  const t = pinned(url, digest).toString('utf8');
  installTexts(JSON.parse(t.slice(t.indexOf('"'), t.lastIndexOf('"') + 1)));
}
`;
    } else {
      const packs = langs.map((l, i) => `import t${i} from '${up}lang/${l}.js';\n`).join('');
      start = `import init, { installTexts } from '${up}twitch_triage.js';\n${packs}await init({ module_or_path: fetch(${wasmUrl}, { integrity: '${wasmDigest}' }) });\n`;
      start += `for (const t of [${langs.map((_, i) => `t${i}`).join(', ')}]) installTexts(t);\n`;
    }
    writeFileSync(join(dist, file), `${about}\n${start}${exports.replaceAll("from './", `from '${up}`)}`);
  };

  // Browsers and bundlers: instantiate with top-level await. The URL form
  // lets bundlers (Vite, webpack, Rollup) find the wasm and emit it as an
  // asset; the texts are plain modules they bundle.
  entry(
    'index.js',
    `// twitch-triage for browsers and bundlers. Importing it loads the WebAssembly
// module (top-level await) and the texts of every language from the package's
// own files; nothing else is fetched, stored or sent.`,
    langs,
    false,
  );
  // Node: read and instantiate synchronously.
  entry(
    'node.js',
    `// twitch-triage for Node. Importing it instantiates the WebAssembly module and
// loads the texts from the package's own files; nothing is fetched or sent.`,
    langs,
    true,
  );
  // One language only: `twitch-triage/<lang>` is the same API with the texts
  // of that language alone (a third of the texts' bytes in a bundle), and
  // that language as the default. Importing two of them loads both.
  mkdirSync(join(dist, 'entry'), { recursive: true });
  for (const l of langs) {
    entry(`entry/${l}.js`, `// twitch-triage for browsers and bundlers, with the texts of "${l}" only.`, [l], false);
    entry(`entry/${l}.node.js`, `// twitch-triage for Node, with the texts of "${l}" only.`, [l], true);
  }
}

/**
 * twitch-triage/fhir: the FHIR export's module (crates/fhir, the wasm
 * FHIR_WASM) for the npm API, started by an entry per platform that pins it
 * and the packs of `langs`, as the main entries do.
 */
export function writeFhirEntries(langs) {
  const fhirDigest = integrity(join(dist, FHIR_WASM));
  const fhirUrl = `new URL('./${FHIR_WASM}', import.meta.url)`;
  const fhirExports = `export { questionnaire, toFhir, fromFhir } from './fhir-api.js';\n`;
  writeFileSync(
    join(dist, 'fhir.js'),
    `// twitch-triage/fhir for browsers and bundlers: the FHIR R4 export, made on the
// device. Importing it loads the export's WebAssembly module (top-level await)
// and the texts of every language from the package's own files; nothing else
// is fetched, stored or sent.
import { start } from './fhir-api.js';
${langs.map((l, i) => `import t${i} from './lang/${l}.js';\n`).join('')}const bytes = await (await fetch(${fhirUrl}, { integrity: '${fhirDigest}' })).arrayBuffer();
start((await WebAssembly.instantiate(bytes)).instance.exports, [${langs.map((_, i) => `t${i}`).join(', ')}]);
${fhirExports}`,
  );
  const fhirPacks = langs.map((l) => `[new URL('./lang/${l}.js', import.meta.url), '${integrity(join(dist, 'lang', `${l}.js`))}']`);
  writeFileSync(
    join(dist, 'fhir.node.js'),
    `// twitch-triage/fhir for Node: the FHIR R4 export. Importing it instantiates the
// export's WebAssembly module and loads the texts from the package's own files;
// nothing is fetched or sent.
${nodeStart("import { start } from './fhir-api.js';")}// Each pack: the JSON string literal its module exports, read as data.
const packs = [${fhirPacks.join(', ')}].map(([url, digest]) => {
  const t = pinned(url, digest).toString('utf8');
  return JSON.parse(t.slice(t.indexOf('"'), t.lastIndexOf('"') + 1));
});
start(new WebAssembly.Instance(new WebAssembly.Module(pinned(${fhirUrl}, '${fhirDigest}'))).exports, packs);
${fhirExports}`,
  );
}
