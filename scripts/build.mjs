// Builds the npm package into dist/:
//   cargo (wasm32, release) -> wasm-bindgen (pinned CLI, --target web) -> wasm-opt -Oz
// then writes the entry points and the TypeScript declarations, and prints
// the size of every shipped file (raw, gzip, brotli).
//
//   node scripts/build.mjs            build
//   node scripts/build.mjs --sizes    only print the sizes of dist/

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const raw = join(root, 'target', 'wasm-bindgen');
export const WASM_LIMIT_RAW = 120 * 1024;

function run(cmd, args, opts = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  return execFileSync(cmd, args, { cwd: root, stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
}

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

export function sizes(dir = dist) {
  const rows = files(dir)
    .sort()
    .map((f) => {
      const data = readFileSync(f);
      return {
        file: relative(dir, f),
        raw: data.length,
        gzip: gzipSync(data, { level: 9 }).length,
        brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}

export function printSizes(title, { rows, total }) {
  const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
  const w = Math.max(...rows.map((r) => r.file.length), 5);
  console.log(`\n${title}`);
  console.log(`${'file'.padEnd(w)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}  ${'brotli'.padStart(10)}`);
  for (const r of rows) console.log(`${r.file.padEnd(w)}  ${kb(r.raw)}  ${kb(r.gzip)}  ${kb(r.brotli)}`);
  console.log(`${'total'.padEnd(w)}  ${kb(total.raw)}  ${kb(total.gzip)}  ${kb(total.brotli)}`);
}

function build() {
  run('cargo', ['build', '--release', '--lib', '--target', 'wasm32-unknown-unknown']);
  rmSync(raw, { recursive: true, force: true });
  run('wasm-bindgen', [
    '--target', 'web',
    '--out-dir', raw,
    '--out-name', 'twitch_triage',
    join(root, 'target', 'wasm32-unknown-unknown', 'release', 'twitch_triage.wasm'),
  ]);

  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const wasmOpt = join(root, 'node_modules', '.bin', 'wasm-opt');
  run(wasmOpt, [
    '-Oz',
    '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-reference-types',
    '--enable-multivalue', '--enable-sign-ext', '--enable-mutable-globals',
    '--strip-debug', '--strip-producers', '--strip-target-features',
    join(raw, 'twitch_triage_bg.wasm'),
    '-o', join(dist, 'twitch_triage_bg.wasm'),
  ]);
  cpSync(join(raw, 'twitch_triage.js'), join(dist, 'twitch_triage.js'));
  cpSync(join(raw, 'snippets'), join(dist, 'snippets'), { recursive: true });

  // The snippet directory carries a hash: find the boundary module in it.
  const boundary = files(join(dist, 'snippets')).find((f) => f.endsWith('boundary.js'));
  const boundaryRel = './' + relative(dist, boundary).split('\\').join('/');
  const api = `export { classify, knowledge, Interview } from './twitch_triage.js';\nexport { TwitchTriageError } from '${boundaryRel}';\n`;

  // Browsers and bundlers: instantiate with top-level await. The URL form lets
  // bundlers (Vite, webpack, Rollup) find the .wasm file and emit it as an asset.
  writeFileSync(
    join(dist, 'index.js'),
    `// twitch-triage for browsers and bundlers. Importing it loads the WebAssembly
// module (top-level await); nothing else is fetched, stored or sent.
import init from './twitch_triage.js';
await init({ module_or_path: new URL('./twitch_triage_bg.wasm', import.meta.url) });
${api}`,
  );
  // Node: read and instantiate synchronously.
  writeFileSync(
    join(dist, 'node.js'),
    `// twitch-triage for Node. Importing it instantiates the WebAssembly module
// synchronously from the package's own file; nothing is fetched or sent.
import { readFileSync } from 'node:fs';
import { initSync } from './twitch_triage.js';
initSync({ module: readFileSync(new URL('./twitch_triage_bg.wasm', import.meta.url)) });
${api}`,
  );

  const generated = run('cargo', ['run', '--quiet', '--release', '--example', 'typescript_types'], { capture: true });
  writeFileSync(join(dist, 'index.d.ts'), generated + readFileSync(join(root, 'js', 'api.d.ts'), 'utf8'));
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  if (!process.argv.includes('--sizes')) build();
  if (!existsSync(dist)) throw new Error('dist/ does not exist: run npm run build');
  const s = sizes();
  printSizes('Shipped files (dist/):', s);
  const wasm = statSync(join(dist, 'twitch_triage_bg.wasm')).size;
  console.log(`\nwasm: ${(wasm / 1024).toFixed(1)} KB raw (limit ${WASM_LIMIT_RAW / 1024} KB before widget code)`);
}
