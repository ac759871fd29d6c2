// The benchmark's peers, generated from the knowledge base's model (the JSON
// printed by `cargo xtask model`), never written by hand:
//
//   rulesEngine(model)  the safety rules as json-rules-engine rules (each
//                       condition tree translated mechanically), plus the
//                       scoring port below: what a developer would build
//                       with a generic JavaScript rules engine;
//   plainJs(model)      the same rules and scoring as plain JavaScript.
//
// Both return { triage, explanations: [ids], rules: [ids] }, so the
// benchmark can check that they agree with twitch-triage before timing them.
// Rules are two-valued here (an unknown finding is simply "not true"); the
// vignettes answer every rule's findings, so that changes no result.

import { Engine, Rule } from 'json-rules-engine';

const LEVELS = ['emergency', 'urgent', 'routine', 'self_care'];
const REASON_MIN_LR = 0.4;

/**
 * Whether the answers rule a requirement out (`requires` of an explanation:
 * answers and "any of", no negation). An unknown answer rules nothing out.
 */
function ruledOut(c) {
  // "Any of" is ruled out when each part is; "all of" when one part is.
  const parts = (c.any ?? c.all)?.map(ruledOut);
  if (parts) return c.any ? (f) => parts.every((g) => g(f)) : (f) => parts.some((g) => g(f));
  const id = c.is ?? c.oneOf ?? c.hasAny ?? c.only ?? c.lessThan ?? c.atLeast;
  if (!id) throw new Error(`unsupported requirement ${JSON.stringify(c)}`);
  const holds = toFunction(c);
  return (f) => f[id] !== undefined && f[id] !== null && !holds(f);
}

/** The scoring model (naive Bayes over slots), ported to JavaScript. */
export function scorer(model) {
  const findings = new Map(model.findings.map((f) => [f.id, f]));
  const unmet = model.explanations.map((e) => (e.requires ? ruledOut(e.requires) : () => false));
  return function score(facts) {
    const lit = new Set();
    for (const [id, v] of Object.entries(facts)) {
      const f = findings.get(id);
      if (!f || v === null || v === undefined) continue;
      if (f.kind === 'bool') lit.add(f.slot + (v ? 1 : 0));
      else if (f.kind === 'one') lit.add(f.slot + f.values.indexOf(v));
      else if (f.kind === 'int') lit.add(f.slot + f.bands.findIndex(([lo, hi]) => v >= lo && v <= hi));
      else if (v.length === 0) lit.add(f.slot);
      else {
        lit.add(f.slot + 1);
        f.values.forEach((m, i) => lit.add(f.slot + 2 + 2 * i + (v.includes(m) ? 1 : 0)));
      }
    }
    const logs = model.explanations.map(
      (e, i) => e.evidence.reduce((s, [slot, lr]) => (lit.has(slot) ? s + lr : s), e.logPrior) + (unmet[i](facts) ? model.requiresUnmetLog : 0),
    );
    const max = Math.max(...logs);
    const exp = logs.map((l) => Math.exp(l - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    const ranked = exp.map((p, i) => [p / sum, i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    return ranked.slice(0, 5).map(([p, i], rank) => {
      const e = model.explanations[i];
      const per = new Map();
      for (const [slot, lr] of e.evidence) {
        if (!lit.has(slot)) continue;
        const f = model.findings.findLast((x) => x.slot <= slot);
        per.set(f.id, (per.get(f.id) ?? 0) + lr);
      }
      const reasons = [...per]
        .filter(([id, lr]) => lr >= REASON_MIN_LR && facts[id] !== false && !(Array.isArray(facts[id]) && facts[id].length === 0))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([id]) => id);
      return { id: e.id, level: e.level, score: p, rank, reasons };
    });
  };
}

function triage(fired, top) {
  return LEVELS[Math.min(LEVELS.indexOf(top.level), ...fired.map((r) => LEVELS.indexOf(r.level)))];
}

/** A condition tree as json-rules-engine conditions. */
function toEngine(c) {
  if (c.all) return { all: c.all.map(toEngine) };
  if (c.any) return { any: c.any.map(toEngine) };
  // An unknown fact makes an operator false here, so `not` is already true
  // unless the exception is known to hold: the meaning of `unless`.
  if (c.not) return { not: toEngine(c.not) };
  if (c.unless) return { not: toEngine(c.unless) };
  if (c.is) return { fact: c.is, operator: 'equal', value: true };
  if (c.oneOf) return { fact: c.oneOf, operator: 'in', value: c.values };
  if (c.hasAny) return { fact: c.hasAny, operator: 'containsAny', value: c.values };
  if (c.only) return { fact: c.only, operator: 'onlyOf', value: c.values };
  if (c.lessThan) return { fact: c.lessThan, operator: 'lessThan', value: c.value };
  if (c.atLeast) return { fact: c.atLeast, operator: 'greaterThanInclusive', value: c.value };
  throw new Error(`unknown condition ${JSON.stringify(c)}`);
}

export function rulesEngine(model) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('containsAny', (fact, values) => Array.isArray(fact) && fact.some((v) => values.includes(v)));
  engine.addOperator('onlyOf', (fact, values) => Array.isArray(fact) && fact.length > 0 && fact.every((v) => values.includes(v)));
  for (const r of model.rules) {
    // json-rules-engine wants all/any/not at the top.
    const conditions = toEngine(r.when);
    engine.addRule(new Rule({ name: r.id, conditions: conditions.fact ? { all: [conditions] } : conditions, event: { type: r.id, params: { level: r.level } } }));
  }
  const score = scorer(model);
  return async function classify(facts) {
    const { events } = await engine.run(facts);
    const fired = events.map((e) => ({ id: e.type, level: e.params.level }));
    const explanations = score(facts);
    return { triage: triage(fired, explanations[0]), explanations: explanations.map((e) => e.id), rules: fired.map((r) => r.id) };
  };
}

/** A condition tree as a plain JavaScript function. */
function toFunction(c) {
  if (c.all) {
    const fs = c.all.map(toFunction);
    return (f) => fs.every((g) => g(f));
  }
  if (c.any) {
    const fs = c.any.map(toFunction);
    return (f) => fs.some((g) => g(f));
  }
  if (c.not || c.unless) {
    // Unknown facts make the atoms false, so this is also `unless`.
    const g = toFunction(c.not ?? c.unless);
    return (f) => !g(f);
  }
  if (c.is) return (f) => f[c.is] === true;
  if (c.oneOf) return (f) => c.values.includes(f[c.oneOf]);
  if (c.hasAny) return (f) => Array.isArray(f[c.hasAny]) && f[c.hasAny].some((v) => c.values.includes(v));
  if (c.only) return (f) => Array.isArray(f[c.only]) && f[c.only].length > 0 && f[c.only].every((v) => c.values.includes(v));
  if (c.lessThan) return (f) => typeof f[c.lessThan] === 'number' && f[c.lessThan] < c.value;
  if (c.atLeast) return (f) => typeof f[c.atLeast] === 'number' && f[c.atLeast] >= c.value;
  throw new Error(`unknown condition ${JSON.stringify(c)}`);
}

export function plainJs(model) {
  const rules = model.rules.map((r) => ({ id: r.id, level: r.level, when: toFunction(r.when) }));
  const score = scorer(model);
  return function classify(facts) {
    const fired = rules.filter((r) => r.when(facts));
    const explanations = score(facts);
    return { triage: triage(fired, explanations[0]), explanations: explanations.map((e) => e.id), rules: fired.map((r) => r.id) };
  };
}
