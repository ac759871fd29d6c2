// The mutation check of the safety rules: for each rule of kb/rules.toml, run
// the native test suite with that rule switched off, and check that at least
// one test fails (so the tests guard every rule). The rule is switched off at
// run time through TWITCH_TRIAGE_DISABLE_RULE, which only builds with the
// test-only `mutation-testing` feature read.
//
//   node scripts/mutate-rules.mjs          every rule
//   node scripts/mutate-rules.mjs E3 U9    some rules
//
// Prints a table (rule, caught or not, the tests that failed) and exits 1 if
// any rule is not caught.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = ['test', '--release', '--no-fail-fast', '--features', 'mutation-testing', '--tests', '--', '--test-threads', '2'];
// The rules of kb/rules.toml, and C1 (an urgent or emergency result leads
// with a cause its rules name: code in src/assess.rs, switched off the same way).
const all = [...[...readFileSync(join(root, 'kb', 'rules.toml'), 'utf8').matchAll(/^\[([ERU]\d+)\]$/gm)].map((m) => m[1]), 'C1'];
const rules = process.argv.length > 2 ? process.argv.slice(2) : all;

function run(rule) {
  const env = { ...process.env };
  if (rule) env.TWITCH_TRIAGE_DISABLE_RULE = rule;
  else delete env.TWITCH_TRIAGE_DISABLE_RULE;
  const r = spawnSync('cargo', args, { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const out = r.stdout + r.stderr;
  const failed = [...out.matchAll(/^test (\S+) \.\.\. FAILED$/gm)].map((m) => m[1]);
  // proptest failures are reported by the test function's name too.
  return { ok: r.status === 0, failed: [...new Set(failed)] };
}

console.log('building and running the suite once with no rule switched off...');
const base = run(null);
if (!base.ok) {
  console.error(`the suite fails with every rule on: ${base.failed.join(', ')}`);
  process.exit(1);
}

const rows = [];
for (const rule of rules) {
  const r = run(rule);
  rows.push({ rule, caught: !r.ok, failed: r.failed });
  console.log(`${rule}: ${!r.ok ? 'caught' : 'NOT CAUGHT'} (${r.failed.length} failing tests)`);
}

console.log('\n| rule | with the rule switched off | failing tests (first 3) |\n|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.rule} | ${r.caught ? 'suite fails' : '**suite passes**'} | ${r.failed.slice(0, 3).join(', ')}${r.failed.length > 3 ? `, +${r.failed.length - 3}` : ''} |`);
}
const missed = rows.filter((r) => !r.caught).map((r) => r.rule);
console.log(`\n${rows.length - missed.length}/${rows.length} rules caught by the tests${missed.length ? `; not caught: ${missed.join(', ')}` : ''}`);
process.exit(missed.length ? 1 : 0);
