// The simulated person of the spec, answering a question object.
export function simulated(findings, q) {
  if (q.kind === 'checklist') return q.options.map((o) => o.value).filter((v) => findings[v] === true);
  const v = findings[q.finding];
  if (q.kind === 'yesno') return v === true;
  if (q.kind === 'many') return v ?? [];
  return v ?? null;
}
