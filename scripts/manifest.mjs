// The element's Custom Elements Manifest (dist/custom-elements.json, for
// editors and framework tooling), generated from its one source: the element
// shim, crates/element/js/element.js. The JSDoc of its class, in the tags the
// Custom Elements Manifest's analyzer reads (@summary, @attr, @fires,
// @csspart, @cssprop: `@tag {type} name - description`), lists what the host
// page can use; the code gives the rest: the tag and the class from
// customElements.define, the properties from the class's getters (their
// JSDoc: description, @type) and the attribute each setter sets.
// scripts/build.mjs writes it; tests/node/manifest.test.mjs checks that the
// emitted one is this, and that every attribute, event, part and custom
// property in the element's source is in it.
//
//   node scripts/manifest.mjs    prints the manifest made from the source

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The element shim, the manifest's source. */
export const ELEMENT_SHIM = join(root, 'crates', 'element', 'js', 'element.js');

/**
 * HTMLElement's own properties for attributes the element observes: they
 * have no getter or setter in the class, and are the attribute's field.
 */
const INHERITED = ['lang'];

/** The tags of the class's JSDoc, by the manifest's list each one fills. */
const LISTS = { attr: 'attributes', fires: 'events', csspart: 'cssParts', cssprop: 'cssProperties' };

/** `@tag {type} name - description` (the type only where the manifest has one). */
const TAG = /^@(\w+)(?:\s+\{([^}]*)\})?\s+(\S+)\s+-\s+(.+)$/;

/**
 * The text of a JSDoc block (`/** … *\/`), as its free text (the lines
 * before the first tag) and its tags, each with its continuation lines.
 */
function jsdoc(block) {
  const lines = block
    .split('\n')
    .map((l) => l.replace(/^\s*\/?\*+\/?\s?/, '').replace(/\s*\*\/$/, '').trim());
  const tags = [];
  const text = [];
  for (const line of lines) {
    if (line.startsWith('@')) tags.push(line);
    else if (line && tags.length) tags[tags.length - 1] += ` ${line}`;
    else if (line) text.push(line);
  }
  return { text: text.join(' '), tags };
}

/** The JSDoc block just before `at` in `source` (only blank space between), or fails. */
function blockBefore(source, at, what) {
  const before = source.slice(0, at);
  const m = before.match(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*$/);
  if (!m) throw new Error(`${ELEMENT_SHIM}: no JSDoc before ${what}`);
  return jsdoc(m[0]);
}

/** The manifest of the element defined in `source` (the text of element.js). */
export function elementManifest(source = readFileSync(ELEMENT_SHIM, 'utf8')) {
  const fail = (why) => {
    throw new Error(`${ELEMENT_SHIM}: ${why}`);
  };
  const define = source.match(/customElements\.define\('([a-z]+-[a-z-]+)', (\w+)\)/) ?? fail('no customElements.define');
  const [, tagName, name] = define;
  const start = source.indexOf(`class ${name} extends`);
  if (start < 0) fail(`no class ${name}`);
  const body = source.slice(start, source.indexOf('\n}\n', start));
  const doc = blockBefore(source, start, `class ${name}`);

  const declaration = { kind: 'class', name, tagName, customElement: true };
  const lists = { attributes: [], events: [], cssParts: [], cssProperties: [] };
  for (const line of doc.tags) {
    if (line.startsWith('@summary ')) {
      declaration.summary = line.slice('@summary '.length);
      continue;
    }
    const m = line.match(TAG);
    if (!m) fail(`a JSDoc tag not of the form "@tag {type} name - description": ${line}`);
    const [, tag, type, what, description] = m;
    const list = lists[LISTS[tag]] ?? fail(`@${tag} is not a tag of the manifest (${Object.keys(LISTS)}, summary)`);
    if (list.some((x) => x.name === what)) fail(`@${tag} ${what} twice`);
    list.push({ name: what, ...(type ? { type: { text: type } } : {}), description });
  }
  if (!declaration.summary) fail(`no @summary for class ${name}`);

  // The properties: each getter, with its JSDoc, and the attribute its setter sets.
  const members = [];
  for (const [, prop] of body.matchAll(/^ {2}set (\w+)\(/gm)) {
    const getter = body.match(new RegExp(`^ {2}get ${prop}\\(\\)`, 'm')) ?? fail(`a setter ${prop} without its getter`);
    const { text, tags } = blockBefore(body, getter.index, `get ${prop}()`);
    const type = tags.map((t) => t.match(/^@type \{([^}]+)\}$/)?.[1]).find(Boolean) ?? fail(`no @type for ${prop}`);
    const setter = body.slice(body.indexOf(`  set ${prop}(`)).split('\n  }')[0];
    const sets = [...new Set([...setter.matchAll(/this\.(?:set|toggle)Attribute\('([a-z-]+)'/g)].map((m) => m[1]))];
    if (sets.length !== 1) fail(`the setter ${prop} sets ${sets.length} attributes, not one`);
    if (!text) fail(`no description for ${prop}`);
    members.push({ kind: 'field', name: prop, type: { text: type }, attribute: sets[0], description: text });
  }

  // Each attribute's field: the property that sets it, or HTMLElement's own.
  const observed = body.match(/static get observedAttributes\(\) \{\s*return \[([^\]]*)\]/) ?? fail('no observedAttributes');
  const observedNames = [...observed[1].matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
  for (const a of lists.attributes) {
    const field = members.find((m) => m.attribute === a.name)?.name ?? (INHERITED.includes(a.name) ? a.name : null);
    if (field) a.fieldName = field;
  }
  for (const a of [...observedNames, ...members.map((m) => m.attribute)]) {
    if (!lists.attributes.some((x) => x.name === a)) fail(`the attribute ${a} has no @attr`);
  }

  Object.assign(declaration, { attributes: lists.attributes, members, events: lists.events, cssParts: lists.cssParts, cssProperties: lists.cssProperties });
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: [
      {
        kind: 'javascript-module',
        path: 'element.js',
        declarations: [declaration],
        exports: [{ kind: 'custom-element-definition', name: tagName, declaration: { name, module: 'element.js' } }],
      },
    ],
  };
}

/** The manifest as the build writes it. */
export const manifestText = (source) => JSON.stringify(elementManifest(source), null, 2) + '\n';

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) process.stdout.write(manifestText());
