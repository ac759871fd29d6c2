// The spec's worked cases with the answers their stories give to what the
// questionnaire asks beyond the spec, as tests/common/mod.rs reads them
// (tests/vignettes/beyond-spec.json): the findings a safety rule reads that
// the spec's cases cannot list are "no" unless the case's story says
// otherwise (a yes/no answer, or members added to a set). Without them such
// a rule stays open and the result is "not fully screened" (R9).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const beyond = JSON.parse(readFileSync(`${root}tests/vignettes/beyond-spec.json`, 'utf8'));

/** `cases` (as in dev.json), each with its findings completed. */
export function withBeyondSpec(cases) {
  return cases.map((c) => {
    const findings = { ...c.findings };
    for (const [id, answer] of Object.entries(beyond.cases[c.id] ?? {})) {
      findings[id] = Array.isArray(answer) ? [...(findings[id] ?? []), ...answer] : answer;
    }
    for (const id of beyond.screening) findings[id] ??= false;
    return { ...c, findings };
  });
}
