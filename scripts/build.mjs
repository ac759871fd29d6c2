// Builds the npm package into dist/, twice over:
//   the JavaScript API  (crates/api) -> index.js, node.js, twitch_triage*
//   the <twitch-triage> element (crates/element, no_std) -> element.js, twitch_triage_element*
// each through cargo (wasm32, release) -> wasm-bindgen (pinned CLI, --target
// web) -> wasm-opt -Oz. Then it writes the entry points and the TypeScript
// declarations, adds the private embed's page (embed.html, embed.js),
// copies the package into www/twitch-triage/ for the demo pages, and prints
// the size of every shipped file (raw, gzip, brotli). It fails when the
// element's files are over the budget.
//
//   node scripts/build.mjs            build
//   node scripts/build.mjs --sizes    only print the sizes of dist/
//
// The package's files, their sizes and budgets, and their digests are in
// dist.mjs; the entry modules in entries.mjs; the edits of wasm-bindgen's
// output in glue-edits.mjs.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildSync, transformSync } from 'esbuild';

import {
  dist, ELEMENT_ALL_LANGUAGES_CEILING_GZIP, ELEMENT_BUDGET_GZIP, ELEMENT_FILES, elementSizes, FHIR_WASM, files, integrity,
  printSizes, root, sizes, WASM_LIMIT_RAW,
} from './dist.mjs';
import { writeApiEntries, writeFhirEntries } from './entries.mjs';
import { dropDescriptorTableEntries, minifiedGlue, ownArraysGlue } from './glue-edits.mjs';
import { manifestText } from './manifest.mjs';

// Still exported from here (bench/run.mjs imports the sizes from this file).
export {
  ELEMENT_ALL_LANGUAGES_CEILING_GZIP, ELEMENT_BUDGET_GZIP, ELEMENT_FILES, elementSizes, FHIR_WASM, integrity, printSizes, sizes,
  WASM_LIMIT_RAW,
} from './dist.mjs';

const raw = join(root, 'target', 'wasm-bindgen');
const api = join(root, 'crates', 'api');
const element = join(root, 'crates', 'element');

function run(cmd, args, opts = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  return execFileSync(cmd, args, { cwd: root, stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
}

/**
 * wasm-opt's flags for the element, tuned for its gzip size (measured on
 * 2026-12-06: together 2.1 KB gzip less than `-Oz` alone, 40,720 to 38,566
 * bytes; raw it grows, 85.2 to 86.9 KB):
 * - `-Oz` without its `memory-packing` pass (0.6 KB gzip): that pass splits
 *   the data at every run of zeros into 188 segments, and each segment's
 *   header (an absolute address) costs more gzip than the zeros it drops;
 * - functions with one caller inlined only when small (at most 25 bytes,
 *   instead of any size; 1.2 KB gzip): inlining them all gives fewer,
 *   larger functions, with less of the repetition gzip finds between them.
 *   From 15 to 30 bytes is within 0.1 KB of the best; 0 (none) or 50 lose
 *   0.4 KB of it;
 * - without `local-cse` (0.1 KB gzip, on three builds of the code): it
 *   keeps a repeated expression in a local, which saves raw bytes but
 *   makes each function's code less like the others';
 * - `--low-memory-unused` (86 bytes gzip): a constant added to an address
 *   becomes the load's or store's offset. That is the same unless the sum
 *   wraps around to the lowest 1 KB of memory, which this module never
 *   uses: Rust puts the 1 MB stack first, growing down from 1 MiB towards
 *   0, and the data and the heap above it, so only a stack more than
 *   1,047 KB deep, 1 KB short of overflowing (a trap either way), reaches it;
 * - `--converge` (57 bytes gzip with the above; alone it gave 60): the
 *   passes run again while the module shrinks.
 * Tried and dropped: `--gufa`, `-O4` before `-Oz`, `-Os`,
 * skipping `merge-similar-functions`, `code-folding` or `rse`, wasm-opt's
 * own function orders (each within 0.1 KB, or larger), and
 * `--ignore-implicit-traps` (34 bytes; it lets the optimizer move a load
 * that could trap).
 */
const ELEMENT_WASM_OPT = [
  '-Oz', '--skip-pass=memory-packing', '--one-caller-inline-max-function-size=25', '--skip-pass=local-cse',
  '--low-memory-unused', '--converge',
];

const WASM_FEATURES = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-reference-types',
  '--enable-multivalue', '--enable-sign-ext', '--enable-mutable-globals',
];

/**
 * cargo + wasm-bindgen + wasm-opt for one package of the workspace, built
 * alone (so that cargo does not unify its features with the other's), with
 * a cargo profile (`release` for size, `speed` for the API; see
 * Cargo.toml); optionally only its cdylib (`cargo rustc --crate-type`),
 * wasm-opt's optimisation flags (`-Oz` unless given), more wasm-bindgen
 * flags, and a step on wasm-bindgen's output before wasm-opt; returns the
 * wasm-bindgen output dir.
 */
function wasm(pkg, name, profile, { optimize = ['-Oz'], bindgen = [], prepare = () => {}, cdylibOnly = false } = {}) {
  const target = ['--profile', profile, '--lib', '--target', 'wasm32-unknown-unknown', '-p', pkg];
  run('cargo', cdylibOnly ? ['rustc', ...target, '--crate-type', 'cdylib'] : ['build', ...target]);
  const out = join(raw, name);
  rmSync(out, { recursive: true, force: true });
  run('wasm-bindgen', [
    '--target', 'web',
    ...bindgen,
    '--out-dir', out,
    '--out-name', name,
    join(root, 'target', 'wasm32-unknown-unknown', profile, `${pkg.replaceAll('-', '_')}.wasm`),
  ]);
  prepare(join(out, `${name}_bg.wasm`));
  run(join(root, 'node_modules', '.bin', 'wasm-opt'), [
    ...optimize,
    ...WASM_FEATURES,
    '--strip-debug', '--strip-producers', '--strip-target-features',
    join(out, `${name}_bg.wasm`),
    '-o', join(dist, `${name}_bg.wasm`),
  ]);
  return out;
}

/**
 * wasm-bindgen's glue makes the arrays Rust hands over (the lists in a
 * result) by push() on a new array, which a setter for "0", "1", ... that a
 * host page put on Object.prototype intercepts: classify's explanations came
 * back empty (SAFETY H23). Its one function that does so, found whole and
 * exactly as this pinned wasm-bindgen writes it, is given a body that calls
 * `ownArray` in crates/api/js/boundary.js instead (Array.from, which defines the
 * items). Fails if it is not found, or if the glue fills an array or an
 * object by push() or assignment anywhere else, so that a change in
 * wasm-bindgen's output cannot go unnoticed.
 */
function ownArrays(glueFile, boundaryRel) {
  writeFileSync(glueFile, ownArraysGlue(readFileSync(glueFile, 'utf8'), boundaryRel));
}

/**
 * Shorter import and export names between the element's wasm and its glue.
 * wasm-bindgen names each import `__wbg_<method>_<hash>` and the module
 * `./<name>_bg.js`; every name is written twice (the wasm's import section
 * and the glue's import object). wasm-opt renames them to one or two letters
 * and prints the mapping, which is applied here to the glue and to the
 * element's shim (about 3 KB gzip less). Fails if an import is not found, so
 * a change in wasm-bindgen's output cannot go unnoticed.
 */
function minifyNames(out, name, shim) {
  const wasmFile = join(dist, `${name}_bg.wasm`);
  const map = JSON.parse(
    run(join(root, 'node_modules', '.bin', 'wasm-opt'), [
      ...WASM_FEATURES, '--minify-imports-and-exports-and-modules', wasmFile, '-o', wasmFile,
    ], { capture: true }),
  );
  const glueFile = join(out, `${name}.js`);
  const renamed = minifiedGlue(readFileSync(glueFile, 'utf8'), readFileSync(shim, 'utf8'), map, `${name}.js`);
  writeFileSync(glueFile, renamed.glue);
  writeFileSync(shim, renamed.shim);
}

/**
 * The element pins what it loads (SAFETY H19): the digest of its wasm and of
 * every language pack, keyed by the path element.js fetches them by.
 */
function elementDigests() {
  const pinned = ['twitch_triage_element_bg.wasm', FHIR_WASM, ...langs.map((l) => `lang/${l}.txt`)];
  return Object.fromEntries(pinned.map((f) => [f, integrity(join(dist, f))]));
}

/**
 * dist/integrity.json (every file a page loads for the element, with its
 * digest) and the snippet to embed it: one hash on the page, for element.js,
 * pins everything, as element.js pins the rest.
 */
function writeIntegrity() {
  const files = { 'element.js': integrity(join(dist, 'element.js')), ...elementDigests() };
  writeFileSync(join(dist, 'integrity.json'), JSON.stringify(files, null, 2) + '\n');
  return files;
}

export function embedSnippet(base = 'https://your-cdn.example/twitch-triage/') {
  const sri = JSON.parse(readFileSync(join(dist, 'integrity.json'), 'utf8'))['element.js'];
  return `<script type="module" src="${base}element.js" integrity="${sri}" crossorigin="anonymous"></script>\n<twitch-triage></twitch-triage>`;
}

/** The core's languages, in its order: `cargo xtask packs` names them (see build()). */
let langs = [];

function build() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });

  // The JavaScript API.
  const apiOut = wasm('twitch-triage-api', 'twitch_triage', 'speed');
  cpSync(join(apiOut, 'twitch_triage.js'), join(dist, 'twitch_triage.js'));
  cpSync(join(apiOut, 'snippets'), join(dist, 'snippets'), { recursive: true });
  // The snippet directory carries a hash: find the boundary module in it.
  const boundary = files(join(dist, 'snippets')).find((f) => f.endsWith('boundary.js'));
  const boundaryRel = './' + relative(dist, boundary).split('\\').join('/');
  ownArrays(join(dist, 'twitch_triage.js'), boundaryRel);
  // The API every entry exports (crates/api/js/api.js: Interview wrapped),
  // importing the boundary module where wasm-bindgen put it.
  const apiSource = readFileSync(join(api, 'js', 'api.js'), 'utf8');
  const boundaryImport = "from './boundary.js';";
  if (apiSource.split(boundaryImport).length !== 2) throw new Error('crates/api/js/api.js: its one import of ./boundary.js not found');
  writeFileSync(join(dist, 'api.js'), apiSource.replace(boundaryImport, `from '${boundaryRel}';`));

  // The texts of every language, as language packs next to the wasm; the
  // task names the core's languages (Lang::ALL), in its order.
  langs = run('cargo', ['xtask', 'packs', join(dist, 'lang')], { capture: true })
    .trim()
    .split('\n');
  // The entry modules: each instantiates the wasm and installs the texts.
  writeApiEntries(langs);
  const generated = run('cargo', ['xtask', 'types'], { capture: true });
  writeFileSync(join(dist, 'index.d.ts'), generated + readFileSync(join(api, 'js', 'api.d.ts'), 'utf8'));

  // The FHIR export's own module (crates/fhir), which the element loads only
  // when a person asks for the file for their doctor, so that its first load
  // carries none of it. No wasm-bindgen: element.js drives its five
  // functions. Built before the element, which pins its digest.
  run('cargo', ['rustc', '--profile', 'release', '--lib', '--target', 'wasm32-unknown-unknown', '-p', 'twitch-triage-fhir', '--crate-type', 'cdylib']);
  run(join(root, 'node_modules', '.bin', 'wasm-opt'), [
    '-Oz',
    ...WASM_FEATURES,
    '--strip-debug', '--strip-producers', '--strip-target-features',
    join(root, 'target', 'wasm32-unknown-unknown', 'release', 'twitch_triage_fhir.wasm'),
    '-o', join(dist, FHIR_WASM),
  ]);
  // twitch-triage/fhir: the same module for the npm API (crates/fhir/js),
  // started by an entry per platform that pins it and the packs, as the
  // main entries do.
  const fhirSource = readFileSync(join(root, 'crates', 'fhir', 'js', 'fhir-api.js'), 'utf8');
  if (fhirSource.split(boundaryImport).length !== 2) throw new Error('crates/fhir/js/fhir-api.js: its one import of ./boundary.js not found');
  writeFileSync(join(dist, 'fhir-api.js'), fhirSource.replace(boundaryImport, `from '${boundaryRel}';`));
  cpSync(join(root, 'crates', 'fhir', 'js', 'fhir.d.ts'), join(dist, 'fhir.d.ts'));
  writeFhirEntries(langs);

  // The element: crates/element/js/element.js with the wasm-bindgen glue
  // bundled in, so a page loads one script, then the wasm and one language
  // pack in parallel. Built no_std (the crate without its `std` feature)
  // with a panic handler that only traps: std's panic formatting would add
  // about 5 KB.
  const elementOut = wasm('twitch-triage-element', 'twitch_triage_element', 'release', {
    optimize: ELEMENT_WASM_OPT,
    // element.js always passes the wasm's URL, so the glue's default URL is
    // never used; and every browser that can run the element (constructable
    // stylesheets, Object.hasOwn) has TextEncoder.encodeInto, so the glue's
    // fallback for it is never used either (both: 55 bytes gzip of element.js).
    bindgen: ['--omit-default-module-path', '--encode-into', 'always'],
    prepare: dropDescriptorTableEntries,
    // Only the cdylib (the crate is also an rlib, for its tests): a crate
    // that is only the final module lets the compiler treat its items as
    // internal, and drop what the module cannot reach (std's panic
    // messages and their locations, unused paths of the core), 3.9 KB gzip
    // less (measured on 2026-12-06: 40,017 to 36,123 bytes of wasm gzip).
    cdylibOnly: true,
  });
  cpSync(join(element, 'js', 'element.js'), join(elementOut, 'element.js'));
  for (const f of ['emergency-numbers.js', 'resolve.js']) cpSync(join(element, 'js', f), join(elementOut, f));
  minifyNames(elementOut, 'twitch_triage_element', join(elementOut, 'element.js'));
  buildSync({
    entryPoints: [join(elementOut, 'element.js')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    outfile: join(dist, 'element.js'),
    logLevel: 'warning',
    // The digests, and the core's languages in its order (Lang::ALL).
    define: { TWITCH_TRIAGE_DIGESTS: JSON.stringify(elementDigests()), TWITCH_TRIAGE_LANGS: JSON.stringify(langs) },
  });
  writeIntegrity();
  cpSync(join(element, 'js', 'element.d.ts'), join(dist, 'element.d.ts'));
  // The element's types for React's JSX, Vue's templates and Svelte's markup
  // (checked by tsc, vue-tsc and svelte-check: tests/types/react,
  // tests/apps/types), and its Custom Elements Manifest, generated from the
  // JSDoc of the element's class (scripts/manifest.mjs; checked against the
  // source by tests/node/manifest.test.mjs, against the element in Chromium
  // by tests/e2e/manifest.test.mjs).
  for (const f of ['react.d.ts', 'vue.d.ts', 'svelte.d.ts']) cpSync(join(element, 'js', f), join(dist, f));
  writeFileSync(join(dist, 'custom-elements.json'), manifestText());
  // The private embed (README, "Private embed (iframe)"): a page for a
  // sandboxed iframe from another origin, and its script (classic, no
  // module: minified as a script).
  cpSync(join(element, 'js', 'embed.html'), join(dist, 'embed.html'));
  const embed = readFileSync(join(element, 'js', 'embed.js'), 'utf8');
  writeFileSync(join(dist, 'embed.js'), transformSync(embed, { minify: true, target: 'es2022', legalComments: 'none' }).code);

  // The demo pages load the package from www/twitch-triage/.
  const www = join(root, 'www', 'twitch-triage');
  rmSync(www, { recursive: true, force: true });
  cpSync(dist, www, { recursive: true });
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  if (!process.argv.includes('--sizes')) build();
  if (!existsSync(dist)) throw new Error('dist/ does not exist: run npm run build');
  const shipped = sizes();
  printSizes('Shipped files (dist/):', shipped);
  console.log(`\nEmbed snippet (element.js pinned by its digest; it pins the wasm and the language packs, dist/integrity.json):\n${embedSnippet()}`);
  const apiWasm = statSync(join(dist, 'twitch_triage_bg.wasm')).size;
  console.log(`\nAPI wasm: ${(apiWasm / 1024).toFixed(1)} KB raw (limit ${WASM_LIMIT_RAW / 1024} KB)`);
  const e = elementSizes(shipped.rows);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`Language packs (gzip): ${e.packs.map((p) => `${p.file} ${kb(p.gzip)}`).join(', ')}; all three together ${kb(e.all.gzip - e.code.gzip)}`);
  console.log(
    `Element, as a page loads it (${ELEMENT_FILES.join(' + ')} + the largest language pack, ${e.largest.file}; its CSS is inside the wasm): ` +
      `${kb(e.page.gzip)} gzip, ${kb(e.page.brotli)} brotli (code ${kb(e.code.gzip)} gzip; budget ${ELEMENT_BUDGET_GZIP / 1024} KB gzip)`,
  );
  if (e.page.gzip > ELEMENT_BUDGET_GZIP) {
    console.error(`FAIL: the element is over its size budget by ${kb(e.page.gzip - ELEMENT_BUDGET_GZIP)} gzip`);
    process.exit(1);
  }
  const fhirFile = shipped.rows.find((r) => r.file === FHIR_WASM);
  console.log(`FHIR export (${FHIR_WASM}, loaded only when a person asks for the file for their doctor): ${kb(fhirFile.gzip)} gzip, ${kb(fhirFile.raw)} raw`);
  console.log(`Element with all three languages: ${kb(e.all.gzip)} gzip (goal 45 KB; ceiling ${ELEMENT_ALL_LANGUAGES_CEILING_GZIP / 1024} KB)`);
  if (e.all.gzip > ELEMENT_ALL_LANGUAGES_CEILING_GZIP) {
    console.error(`FAIL: the element with all languages is over its ceiling by ${kb(e.all.gzip - ELEMENT_ALL_LANGUAGES_CEILING_GZIP)} gzip`);
    process.exit(1);
  }
  if (apiWasm > WASM_LIMIT_RAW) {
    console.error('FAIL: the API wasm is over its raw size limit');
    process.exit(1);
  }
}
