// The build's edits of wasm-bindgen's output (scripts/build.mjs runs them):
// each fails loudly if the output is not as the pinned wasm-bindgen writes
// it, so that an upgrade cannot break one silently, and the two text edits
// are tested on fixtures of that output (tests/node/build-edits.test.mjs).

import { readFileSync, writeFileSync } from 'node:fs';

import binaryen from 'binaryen';

/**
 * Function-table entries of the element's wasm that nothing can call, made
 * to point to one function that traps, so that wasm-opt can drop the code they
 * kept (0.3 KB gzip, measured on 2026-12-06: 39,430 to 39,077 bytes; the
 * glue loses the JSPI import too):
 * - wasm-bindgen's closure invoke shims for every closure type js-sys names
 *   (43 of them; the element creates two kinds of closure). Their addresses
 *   are taken only by the descriptor functions that the wasm-bindgen CLI
 *   runs at build time and then deletes; the glue calls the shims of the
 *   closures it makes through their exports, which stay as they are;
 * - js-sys's JSPI task waker (`js_sys::futures::jspi::task_waker`): only
 *   its exports, which wasm-bindgen removes from a module that uses no
 *   JSPI, start a task, so no waker is ever made (the module's JSPI import
 *   goes with it).
 * The table's other entries (the element's event handlers and closures)
 * keep their places. Fails if none is found, or if the glue can reach the
 * table (it is exported), so that a change in wasm-bindgen's output cannot
 * go unnoticed.
 */
export function dropDescriptorTableEntries(file) {
  const module = binaryen.readBinary(readFileSync(file));
  const f = binaryen.Features;
  // The features of WASM_FEATURES (binaryen counts bulk memory as two).
  module.setFeatures(f.BulkMemory | f.BulkMemoryOpt | f.NontrappingFPToInt | f.ReferenceTypes | f.Multivalue | f.SignExt | f.MutableGlobals);
  // Exported shims are exported through a wrapper named "<shim> externref shim".
  const exported = new Set();
  const exportedTables = new Set();
  for (let i = 0; i < module.getNumExports(); i++) {
    const e = binaryen.getExportInfo(module.getExportByIndex(i));
    if (e.kind === binaryen.ExternalFunction) exported.add(e.value.replace(/ externref shim$/, ''));
    if (e.kind === binaryen.ExternalTable) exportedTables.add(e.value);
  }
  const unused = (fn) =>
    (fn.startsWith('wasm_bindgen::convert::closures::_::invoke::') && !exported.has(fn)) ||
    fn.startsWith('js_sys::futures::jspi::task_waker::');
  const stub = 'unused_table_entry';
  module.addFunction(stub, binaryen.none, binaryen.none, [], module.unreachable());
  let dropped = 0;
  const segments = [];
  for (let i = 0; i < module.getNumElementSegments(); i++) {
    segments.push(binaryen.getElementSegmentInfo(module.getElementSegmentByIndex(i)));
  }
  for (const segment of segments) {
    // The glue could call any entry of a table it can reach.
    if (exportedTables.has(segment.table)) throw new Error('dropDescriptorTableEntries: the function table is exported');
    // Only an active segment at a constant offset is rebuilt as it was.
    const at = segment.offset ? binaryen.getExpressionInfo(segment.offset) : null;
    if (at?.id !== binaryen.ConstId || typeof at.value !== 'number') {
      throw new Error('dropDescriptorTableEntries: a table segment that is not active at a constant offset');
    }
    const offset = at.value;
    const entries = segment.data.map((fn) => (unused(fn) ? (dropped++, stub) : fn));
    module.removeElementSegment(segment.name);
    module.addActiveElementSegment(segment.table, segment.name, entries, module.i32.const(offset));
  }
  if (dropped === 0) throw new Error('dropDescriptorTableEntries: no closure shim or JSPI waker found in the table');
  if (!module.validate()) throw new Error('dropDescriptorTableEntries: the module is not valid');
  writeFileSync(file, module.emitBinary());
  module.dispose();
}

/** ownArrays' edit of the text, on its own (tests/node/build-edits.test.mjs). */
export function ownArraysGlue(glue, boundaryRel) {
  const original = `function getArrayJsValueFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    const mem = getDataViewMemory0();
    const result = [];
    for (let i = ptr; i < ptr + 4 * len; i += 4) {
        result.push(wasm.__wbindgen_externrefs.get(mem.getUint32(i, true)));
    }
    wasm.__externref_drop_slice(ptr, len);
    return result;
}`;
  const replacement = `function getArrayJsValueFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    const mem = getDataViewMemory0();
    const result = ownArray(len, (i) => wasm.__wbindgen_externrefs.get(mem.getUint32(ptr + 4 * i, true)));
    wasm.__externref_drop_slice(ptr, len);
    return result;
}`;
  if (glue.split(original).length !== 2) throw new Error('ownArrays: wasm-bindgen\'s getArrayJsValueFromWasm0 not found as expected in the glue');
  const patched = glue.replace(original, replacement);
  // Nothing else may fill a new array or object property by property.
  for (const risky of [/\.push\(/, /\.set\(arg1, arg2\)/, /\barg0\[arg1( >>> 0)?\] = /]) {
    if (risky.test(patched)) throw new Error(`ownArrays: the glue builds objects by assignment (${risky}): make them in crates/api/js/boundary.js`);
  }
  // After the glue's first line (its @ts-self-types comment), before its imports.
  const at = patched.indexOf('\nimport ') + 1;
  return `${patched.slice(0, at)}import { ownArray } from '${boundaryRel}';\n${patched.slice(at)}`;
}

/**
 * minifyNames' edit of the text, on its own (tests/node/build-edits.test.mjs
 * runs it on a fixture of this wasm-bindgen's glue): the glue and the shim
 * with wasm-opt's `map` ({ imports: [[module, from, to]], exports: [[from,
 * to]] }) applied. Throws if a name is not found.
 */
export function minifiedGlue(glue, shim, map, what = 'the glue') {
  const replace = (text, pattern, to, name) => {
    const next = text.replace(pattern, to);
    if (next === text) throw new Error(`minifyNames: ${name} not found in ${what}`);
    return next;
  };
  const modules = new Set(map.imports.map(([module]) => module));
  if (modules.size !== 1) throw new Error(`minifyNames: expected one import module, got ${[...modules].join(', ')}`);
  const [[module]] = map.imports;
  // The module name is minified too: wasm-opt renames it to "a".
  glue = replace(glue, JSON.stringify(module) + ':', '"a":', `module ${module}`);
  for (const [, from, to] of map.imports) {
    glue = replace(glue, new RegExp(`\\b${from}(?=\\s*:)`, 'g'), to, `import ${from}`);
  }
  // Some exports are not used by the glue (wasm-bindgen's abort hooks).
  for (const [from, to] of map.exports) glue = glue.replace(new RegExp(`\\bwasm\\.${from}\\b`, 'g'), `wasm.${to}`);
  const memory = map.exports.find(([from]) => from === 'memory')[1];
  // (Only the element's module's memory: the FHIR export's module, which
  // the shim also drives, keeps its own names.)
  shim = replace(shim, /\bexports\?\.memory\.buffer/g, `exports?.${memory}.buffer`, 'memory in the shim');
  return { glue, shim };
}
