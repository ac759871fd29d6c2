// Writes a benchmark's figures into BENCHMARKS.md, between its
// `<!-- name:start -->` and `<!-- name:end -->` markers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(fileURLToPath(new URL('..', import.meta.url)), 'BENCHMARKS.md');

export function writeSection(name, body) {
  const doc = readFileSync(file, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`BENCHMARKS.md has no ${name} markers`);
  writeFileSync(file, `${doc.slice(0, from)}${start}\n${body}${end}${doc.slice(to + end.length)}`);
  console.log(`BENCHMARKS.md updated (${name})`);
}
