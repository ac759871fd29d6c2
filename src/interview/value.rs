//! How much a question is worth asking: the expected information and the
//! chance it changes the first explanation, by enumerating its answers.

use alloc::vec;
use alloc::vec::Vec;

use super::MAX_TICKS;
use crate::assess::Analysis;
use crate::findings::{Findings, Value};
use crate::kb::{
    FindingId, Level, QuestionDef, QuestionKind, BACKGROUND, EVIDENCE_LR, EVIDENCE_SLOT,
    EXPLANATIONS, LR_STEP, RULES, SLOT_COUNT,
};
use crate::rules::{eval, Truth};
use crate::score::{for_each_slot, EXPLANATION_COUNT};

/// Log-likelihood ratios of every explanation for every slot, dense.
pub(super) struct LrTable(Vec<f32>);

impl LrTable {
    pub(super) fn new() -> LrTable {
        let mut t = vec![0f32; EXPLANATION_COUNT * SLOT_COUNT];
        for (e, def) in EXPLANATIONS.iter().enumerate() {
            for k in def.evidence.0 as usize..def.evidence.1 as usize {
                t[e * SLOT_COUNT + EVIDENCE_SLOT[k] as usize] =
                    (EVIDENCE_LR[k] as f64 * LR_STEP) as f32;
            }
        }
        LrTable(t)
    }
    /// log P(slot's part of an answer | explanation e)
    fn logp(&self, e: usize, slot: usize) -> f64 {
        (BACKGROUND[slot] + self.0[e * SLOT_COUNT + slot]) as f64
    }
}

pub(super) struct QuestionValue {
    /// Expected information gain about the explanation, in nats.
    pub(super) gain: f64,
    /// Probability that the answer changes the first explanation.
    pub(super) top_change: f64,
    /// Probability that the answer fires a routine rule (computed only when
    /// `value_of` is given the answers so far).
    pub(super) routine_fire: f64,
}

fn entropy(p: &[f64; EXPLANATION_COUNT]) -> f64 {
    -p.iter()
        .filter(|&&x| x > 0.0)
        .map(|&x| x * crate::math::ln(x))
        .sum::<f64>()
}

/// Every answer of `q` worth enumerating, as the findings it would set.
fn for_each_outcome(q: &'static QuestionDef, mut visit: impl FnMut(&[(FindingId, Value)])) {
    match q.kind {
        QuestionKind::YesNo => {
            let f = q.finding.unwrap();
            visit(&[(f, Value::Bool(false))]);
            visit(&[(f, Value::Bool(true))]);
        }
        QuestionKind::One => {
            let f = q.finding.unwrap();
            (0..f.def().values.len()).for_each(|i| visit(&[(f, Value::One(i as u8))]));
        }
        QuestionKind::Number => {
            let f = q.finding.unwrap();
            f.def()
                .values
                .iter()
                .for_each(|b| visit(&[(f, Value::Int(b.lo))]));
        }
        QuestionKind::Many => {
            let f = q.finding.unwrap();
            for mask in small_subsets(f.def().values.len()) {
                visit(&[(f, Value::Set(mask as u16))]);
            }
        }
        QuestionKind::Checklist => {
            let mut buf = Vec::with_capacity(q.options.len());
            for mask in small_subsets(q.options.len()) {
                buf.clear();
                buf.extend(
                    q.options
                        .iter()
                        .enumerate()
                        .map(|(i, f)| (*f, Value::Bool(mask & (1 << i) != 0))),
                );
                visit(&buf);
            }
        }
    }
}

/// Subsets of `0..n` with at most [`MAX_TICKS`] members, as bit masks.
fn small_subsets(n: usize) -> impl Iterator<Item = u32> {
    (0u32..(1 << n)).filter(|m| m.count_ones() <= MAX_TICKS)
}

/// How much answering `q` is expected to tell, and to change the first explanation.
/// With `known` (the answers so far), also the chance that the answer fires
/// a routine rule (step 2), from the same enumeration of answers (a
/// separate function for it cost 0.3 KB gzip of the element's wasm).
pub(super) fn value_of(
    q: &'static QuestionDef,
    a: &Analysis,
    table: &LrTable,
    known: Option<&Findings>,
) -> QuestionValue {
    // The first explanation as shown, and as each answer would show it: on
    // an urgent or emergency result, the cause rule C1 leads with (the
    // fired rules kept as they are).
    let top = a.ranking[0] as usize;
    let mut total = 0.0;
    let mut changed = 0.0;
    let mut h_after = 0.0;
    let mut fired = 0.0;
    let mut logp = [0.0f64; EXPLANATION_COUNT];
    for_each_outcome(q, |outcome| {
        // log P(outcome | e) for every explanation.
        logp.iter_mut().for_each(|x| *x = 0.0);
        for &(id, v) in outcome {
            for_each_slot(id.def(), v, |s| {
                for (e, x) in logp.iter_mut().enumerate() {
                    *x += table.logp(e, s);
                }
            });
        }
        // Joint with the current posterior, and the answer's probability.
        let mut joint = [0.0f64; EXPLANATION_COUNT];
        let mut p_outcome = 0.0;
        for e in 0..EXPLANATION_COUNT {
            joint[e] = a.posterior[e] * crate::math::exp(logp[e]);
            p_outcome += joint[e];
        }
        if p_outcome <= 0.0 {
            return;
        }
        let mut after = [0.0f64; EXPLANATION_COUNT];
        let mut best = 0;
        for e in 0..EXPLANATION_COUNT {
            after[e] = joint[e] / p_outcome;
            if after[e] > after[best] {
                best = e;
            }
        }
        let best = crate::assess::c1_lead(&a.outcome, &after).unwrap_or(best);
        total += p_outcome;
        h_after += p_outcome * entropy(&after);
        if best != top {
            changed += p_outcome;
        }
        if let Some(known) = known {
            let mut f = known.clone();
            for &(id, v) in outcome {
                let _ = f.set(id, v);
            }
            let fires = RULES.iter().any(|r| {
                r.level == Level::Routine && r.cond.is_some_and(|c| eval(c, &f) == Truth::True)
            });
            if fires {
                fired += p_outcome;
            }
        }
    });
    if total <= 0.0 {
        return QuestionValue {
            gain: 0.0,
            top_change: 0.0,
            routine_fire: 0.0,
        };
    }
    QuestionValue {
        gain: entropy(&a.posterior) - h_after / total,
        top_change: changed / total,
        routine_fire: fired / total,
    }
}
