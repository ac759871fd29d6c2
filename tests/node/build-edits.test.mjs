// The two text edits scripts/build.mjs makes to wasm-bindgen's glue, run on
// fixtures of the glue as the pinned wasm-bindgen writes it
// (tests/node/fixtures/wasm-bindgen-<version>/): what each must change, what
// it must leave alone, and that a glue written otherwise is refused, not
// silently mis-edited. Then the same on the built package: the edits took.
// (Upgrading wasm-bindgen: refresh the fixtures from its output; the first
// test fails until the folder's version is the pinned one.)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { minifiedGlue, ownArraysGlue } from '../../scripts/glue-edits.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pinned = readFileSync(`${root}Cargo.toml`, 'utf8').match(/wasm-bindgen = \{ version = "=([\d.]+)"/)[1];
const fixture = (f) => readFileSync(`${root}tests/node/fixtures/wasm-bindgen-${pinned}/${f}`, 'utf8');

test('the fixtures are of the pinned wasm-bindgen', () => {
  assert.equal(pinned, '0.2.130', 'refresh tests/node/fixtures/ from the new wasm-bindgen\'s output, then this version');
  assert.match(fixture('api-glue.js'), /wasm-bindgen 0\.2\.130/);
});

test('ownArrays: getArrayJsValueFromWasm0 builds its array with ownArray, imported from the boundary module', () => {
  const out = ownArraysGlue(fixture('api-glue.js'), './snippets/x/js/boundary.js');
  assert.doesNotMatch(out, /\.push\(/, 'no array filled by push()');
  assert.match(out, /const result = ownArray\(len, \(i\) => wasm\.__wbindgen_externrefs\.get\(mem\.getUint32\(ptr \+ 4 \* i, true\)\)\);/);
  assert.match(out, /\nimport \{ ownArray \} from '\.\/snippets\/x\/js\/boundary\.js';\nimport \{ answerCode/);
  // Anything else is refused: the function written differently, or a push elsewhere.
  assert.throws(() => ownArraysGlue(fixture('api-glue.js').replace('const result = [];', 'let result = [];'), 'b.js'), /not found as expected/);
  assert.throws(() => ownArraysGlue(`${fixture('api-glue.js')}\nfunction f(a) { a.push(1); }\n`, 'b.js'), /builds objects by assignment/);
});

test("minifyNames: the element's imports, its module and its memory get wasm-opt's short names; the FHIR module's memory keeps its own", () => {
  const glue = fixture('element-glue.js');
  const imports = [...glue.matchAll(/^ {8}(__wbg_\w+): function/gm)].map((m) => m[1]);
  assert.equal(imports.length, 3);
  const map = {
    imports: imports.map((name, i) => ['./twitch_triage_element_bg.js', name, String.fromCharCode(98 + i)]),
    exports: [['memory', 'z'], ['__wbindgen_start', 'y']],
  };
  const shim = 'export const memoryBytes = () => exports?.memory.buffer.byteLength ?? 0;\nconst at = x.input(1);\nnew Uint8Array(x.memory.buffer, at, 1);\n';
  const out = minifiedGlue(glue, shim, map);
  for (const name of imports) assert.ok(!out.glue.includes(name), `${name} renamed`);
  assert.match(out.glue, /^ {8}b: function\(arg0\) \{$/m);
  assert.match(out.glue, /"a": import0,/);
  assert.match(out.glue, /new DataView\(wasm\.z\.buffer\)/);
  assert.match(out.shim, /exports\?\.z\.buffer\.byteLength/);
  assert.match(out.shim, /x\.memory\.buffer/, "the FHIR export's module is not the element's");
  // A name wasm-bindgen no longer writes is refused.
  assert.throws(() => minifiedGlue(glue, shim, { ...map, imports: [...map.imports, ['./twitch_triage_element_bg.js', '__wbg_gone_0', 'q']] }), /__wbg_gone_0 not found/);
});

test('the built package: the API glue has no push(), and every import of the element\'s wasm is in element.js', () => {
  const api = readFileSync(`${root}dist/twitch_triage.js`, 'utf8');
  assert.doesNotMatch(api, /\.push\(/);
  assert.match(api, /ownArray\(len/);
  const element = readFileSync(`${root}dist/element.js`, 'utf8');
  const module = new WebAssembly.Module(readFileSync(`${root}dist/twitch_triage_element_bg.wasm`));
  const imports = WebAssembly.Module.imports(module);
  assert.ok(imports.length > 10);
  assert.deepEqual([...new Set(imports.map((i) => i.module))], ['a'], 'one module, renamed "a"');
  for (const { name } of imports) assert.ok(element.includes(`,${name}:`) || element.includes(`{${name}:`), `import ${name} is in element.js`);
  assert.ok(!/__wbg_(?!ptr\b)/.test(element), 'no long import name left (__wbg_ptr is the class\'s field)');
});
