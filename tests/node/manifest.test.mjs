// dist/custom-elements.json is generated from its one source, the JSDoc of
// the element's class in crates/element/js/element.js (scripts/manifest.mjs):
// the emitted file is what the source gives now, and every attribute the
// element reads, event it dispatches, part it renders and custom property
// it uses, in its JavaScript, its Rust (crates/element/src) and its
// stylesheet, is listed there, and nothing else; its TypeScript declarations
// (element.d.ts) name the same. (tests/e2e/manifest.test.mjs checks the
// manifest against the element running in Chromium.)

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { transformSync } from 'esbuild';

import { ELEMENT_SHIM, elementManifest, manifestText } from '../../scripts/manifest.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const crate = join(root, 'crates', 'element');
const shim = readFileSync(ELEMENT_SHIM, 'utf8');
// The shim's code without its comments (the JSDoc names everything).
const shimCode = transformSync(shim, { loader: 'js' }).code;
// The element's Rust, without its comments, file by file.
const rust = Object.fromEntries(
  readdirSync(join(crate, 'src'))
    .filter((f) => f.endsWith('.rs'))
    .map((f) => [f, readFileSync(join(crate, 'src', f), 'utf8').replace(/\/\/.*$/gm, '')]),
);
const allRust = Object.values(rust).join('\n');
const element = elementManifest().modules[0].declarations[0];
const names = (list) => [...new Set(list.map((x) => (typeof x === 'string' ? x : x.name)))].sort();
const found = (text, pattern) => [...text.matchAll(pattern)].map((m) => m[1]);

test('the emitted manifest is the one the source gives', () => {
  assert.equal(readFileSync(join(root, 'dist', 'custom-elements.json'), 'utf8'), manifestText(), 'dist/custom-elements.json is stale: run node scripts/build.mjs');
  assert.equal(element.tagName, 'twitch-triage');
  assert.equal(element.name, 'TwitchTriageElement');
});

test('every attribute the element reads is in the manifest', () => {
  // The shim's observed attributes and those it reads, sets or toggles on the
  // element itself (`this` or `el`); the host's attributes the Rust side
  // reads (crates/element/src/lifecycle.rs; it sets only a marker of its own
  // while it prints, data-twitch-triage-printing).
  const observed = shimCode.match(/static get observedAttributes\(\) \{\s*return \[([^\]]*)\]/)[1];
  const read = [
    ...found(observed, /"([a-z-]+)"/g),
    ...found(shimCode, /\b(?:this|el)\.(?:get|has|set|toggle|remove)Attribute\("([a-z-]+)"/g),
    ...found(rust['lifecycle.rs'], /\.(?:get|has)_attribute\("([a-z-]+)"\)/g),
  ];
  assert.ok(read.length >= 5, `attributes found in the source: ${read}`);
  assert.deepEqual(names(element.attributes), names(read), 'attributes');
  assert.deepEqual(found(allRust, /host\s*\.(?:set|remove)_attribute\("([a-z-]+)"/g).sort(), ['data-twitch-triage-printing', 'data-twitch-triage-printing'], 'the Rust side sets no other attribute on the host');
});

test('every event the element dispatches is in the manifest', () => {
  // Every event goes through events.rs's one `dispatch` (the only
  // dispatch_event), called with its name as a literal.
  const calls = found(allRust, /\bdispatch\(\s*&s\.host,\s*"([a-z-]+)"/g);
  assert.equal(calls.length, [...allRust.matchAll(/(?<!fn )\bdispatch\(/g)].length, 'every dispatch( names its event as a literal');
  assert.equal([...allRust.matchAll(/\.dispatch_event\(/g)].length, 1, 'one dispatch_event, in dispatch');
  assert.ok(!/dispatchEvent|new CustomEvent/.test(shimCode), 'the shim dispatches no event itself');
  assert.deepEqual(names(element.events), names(calls), 'events');
});

test('every part the element renders is in the manifest', () => {
  // Rust: `.attr("part", "name")`, and the result's sections, whose part is
  // their class (`section(p, "name", …)` in view_result.rs); the shim: its
  // fallback screens' box.
  const literal = found(allRust, /\.attr\("part", "([a-z-]+)"\)/g);
  const sections = found(rust['view_result.rs'], /\bsection\(p, "([a-z-]+)"/g);
  const every = [...allRust.matchAll(/"part"/g)].length;
  assert.equal(every, literal.length + 1, 'every part in the Rust is a literal, or the sections\' one `.attr("part", class)`');
  assert.match(rust['view_result.rs'], /\.attr\("part", class\)/);
  const shimParts = found(shimCode, /setAttribute\("part", "([a-z-]+)"\)/g);
  assert.equal(shimParts.length, [...shimCode.matchAll(/"part"/g)].length, 'every part in the shim is a literal');
  assert.deepEqual(names(element.cssParts), names([...literal, ...sections, ...shimParts]), 'parts');
});

test('every custom property the element uses is in the manifest', () => {
  const css = readFileSync(join(crate, 'style.css'), 'utf8');
  const used = found(css + shimCode, /(--twitch-triage-[a-z-]*[a-z])\b/g);
  assert.deepEqual(names(element.cssProperties), names(used), 'custom properties');
});

test('element.d.ts declares the manifest\'s attributes, properties and events', () => {
  const dts = readFileSync(join(crate, 'js', 'element.d.ts'), 'utf8');
  // An interface's members, one a line: name (quoted or not) and type.
  const members = (name) => {
    const body = dts.split(`export interface ${name} `)[1].split('\n}')[0];
    return Object.fromEntries([...body.matchAll(/^ {2}'?([\w-]+)'?\??: (.+);$/gm)].map((m) => [m[1], m[2]]));
  };
  assert.deepEqual(members('TwitchTriageEvents'), Object.fromEntries(element.events.map((e) => [e.name, e.type.text])), 'TwitchTriageEvents');
  assert.deepEqual(members('TwitchTriageElement'), Object.fromEntries(element.members.map((m) => [m.name, m.type.text])), 'TwitchTriageElement');
  assert.deepEqual(names(Object.keys(members('TwitchTriageAttributes'))), names([...element.attributes, ...element.members]), 'TwitchTriageAttributes');
});

test('the generator refuses a source whose JSDoc misses an attribute or a property\'s type, or has a tag it does not know', () => {
  const edited = (from, to) => {
    assert.ok(from.test(shim), String(from));
    return () => elementManifest(shim.replace(from, to));
  };
  assert.throws(edited(/^ \* @attr \{boolean\} share-result - .*\n/m, ''), /the attribute share-result has no @attr/);
  assert.throws(edited(/^ {3}\* @type \{boolean\}\n(?= {3}\*\/\n {2}get shareResult)/m, ''), /no @type for shareResult/);
  assert.throws(edited(/@csspart back - /, '@csspart back '), /not of the form/);
  assert.throws(edited(/@cssprop --twitch-triage-font/, '@slot --twitch-triage-font'), /@slot is not a tag of the manifest/);
});
