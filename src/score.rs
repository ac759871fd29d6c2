//! Ranking the explanations: naive Bayes over the answers so far.
//!
//! score(e) = log prior(e) + sum over known findings of
//!            log P(answer | e) - log P(answer | everyone)
//!
//! plus, for an explanation whose `requires` the answers rule out,
//! [`REQUIRES_UNMET_LOG`](crate::kb::REQUIRES_UNMET_LOG).
//!
//! An unknown finding contributes nothing. Each finding's answer "lights up"
//! a few *slots* (precomputed by the build from `kb/explanations.toml`):
//!
//! * yes/no: slot + 0 (no) or slot + 1 (yes)
//! * one-of and age: slot + value index (age: band index)
//! * set: slot + 0 when nothing is ticked; otherwise slot + 1 (the
//!   normalising term of the zero-truncated model) and, for each member m,
//!   slot + 2 + 2m (absent) or slot + 3 + 2m (present)
//!
//! The log-probability of an answer is the sum of its slots' parameters,
//! [`BACKGROUND`](crate::kb::BACKGROUND) for the whole population plus [`EVIDENCE_LR`] for an
//! explanation that differs from it. Scores are for ranking; the person sees
//! words, not these numbers.

use crate::findings::{Findings, Value};
use crate::kb::{
    FindingDef, FindingId, FindingKind, EVIDENCE_LR, EVIDENCE_SLOT, EXPLANATIONS, FINDINGS,
    LR_STEP, REQUIRES_UNMET_LOG, SLOT_COUNT,
};
use crate::rules::{eval, Truth};
use alloc::vec::Vec;

pub const EXPLANATION_COUNT: usize = EXPLANATIONS.len();

/// A set of scoring slots.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Slots([u64; SLOT_COUNT.div_ceil(64)]);

impl Slots {
    #[inline(always)]
    pub fn insert(&mut self, s: usize) {
        self.0[s / 64] |= 1 << (s % 64);
    }
    #[inline(always)]
    pub fn contains(&self, s: usize) -> bool {
        self.0[s / 64] & (1 << (s % 64)) != 0
    }
}

/// The band index of `n` for a number finding.
pub fn band(def: &FindingDef, n: u8) -> usize {
    def.values
        .iter()
        .position(|b| n >= b.lo && n <= b.hi)
        .unwrap_or(0)
}

/// Calls `lit` with every slot lit by the value `v` of finding `def`.
pub fn for_each_slot(def: &FindingDef, v: Value, mut lit: impl FnMut(usize)) {
    let s = def.slot as usize;
    match (def.kind, v) {
        (FindingKind::Bool, Value::Bool(b)) => lit(s + b as usize),
        (FindingKind::One, Value::One(i)) => lit(s + i as usize),
        (FindingKind::Int { .. }, Value::Int(n)) => lit(s + band(def, n)),
        (FindingKind::Set, Value::Set(0)) => lit(s),
        (FindingKind::Set, Value::Set(m)) => {
            lit(s + 1);
            for i in 0..def.values.len() {
                lit(s + 2 + 2 * i + ((m >> i) & 1) as usize);
            }
        }
        _ => {}
    }
}

/// Every slot lit by the known findings.
pub fn lit_slots(f: &Findings) -> Slots {
    let mut slots = Slots::default();
    for (def, v) in FINDINGS.iter().zip(f.values()) {
        for_each_slot(def, *v, |s| slots.insert(s));
    }
    slots
}

/// Unnormalised log scores of every explanation.
pub fn log_scores(f: &Findings) -> [f64; EXPLANATION_COUNT] {
    log_scores_of(f, &lit_slots(f))
}

/// Unnormalised log scores of every explanation, from the answers and the
/// slots they light ([`lit_slots`]).
pub fn log_scores_of(f: &Findings, slots: &Slots) -> [f64; EXPLANATION_COUNT] {
    let mut out = [0.0; EXPLANATION_COUNT];
    for (e, def) in EXPLANATIONS.iter().enumerate() {
        let (a, b) = (def.evidence.0 as usize, def.evidence.1 as usize);
        let mut s = def.log_prior as f64;
        for k in a..b {
            if slots.contains(EVIDENCE_SLOT[k] as usize) {
                s += EVIDENCE_LR[k] as f64 * LR_STEP;
            }
        }
        // What the explanation cannot be without, ruled out by the answers.
        if def.requires.is_some_and(|c| eval(c, f) == Truth::False) {
            s += REQUIRES_UNMET_LOG;
        }
        out[e] = s;
    }
    out
}

/// Turns log scores into probabilities that sum to 1.
pub fn normalise(logs: &[f64; EXPLANATION_COUNT]) -> [f64; EXPLANATION_COUNT] {
    let max = logs.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let mut out = [0.0; EXPLANATION_COUNT];
    let mut sum = 0.0;
    for (o, l) in out.iter_mut().zip(logs) {
        *o = crate::math::exp(l - max);
        sum += *o;
    }
    out.iter_mut().for_each(|o| *o /= sum);
    out
}

/// Posterior probability of every explanation given the answers.
pub fn posterior(f: &Findings) -> [f64; EXPLANATION_COUNT] {
    normalise(&log_scores(f))
}

/// Stable insertion sort by `before(a, b)` ("a goes first"). Every list
/// sorted in the core has at most a few dozen items; this keeps the
/// WebAssembly module free of the standard library's large sort routines.
pub fn sort_small<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Explanation indices, best first (ties keep knowledge-base order).
pub fn ranking(p: &[f64; EXPLANATION_COUNT]) -> [u8; EXPLANATION_COUNT] {
    let mut idx = [0u8; EXPLANATION_COUNT];
    idx.iter_mut().enumerate().for_each(|(i, x)| *x = i as u8);
    sort_small(&mut idx, |a, b| p[*a as usize] > p[*b as usize]);
    idx
}

/// The finding a slot belongs to.
pub fn slot_finding(slot: usize) -> FindingId {
    let i = FINDINGS.partition_point(|f| (f.slot as usize) <= slot) - 1;
    FindingId(i as u8)
}

/// A reason must raise the odds of an explanation by at least this factor (log).
const REASON_MIN_LR: f64 = 0.4; // ln 1.5
/// At most this many reasons per explanation.
const MAX_REASONS: usize = 4;

/// The known findings that raised explanation `e` most, strongest first.
/// Only answers that state something (a "yes", a chosen value, a ticked
/// member, an age) are reasons; a "no" is never shown as a reason.
pub fn reasons(e: usize, f: &Findings) -> Vec<FindingId> {
    reasons_of(e, f, &lit_slots(f))
}

/// [`reasons`], from the lit slots of `f`.
pub fn reasons_of(e: usize, f: &Findings, slots: &Slots) -> Vec<FindingId> {
    let def = &EXPLANATIONS[e];
    let mut per: Vec<(FindingId, f64)> = Vec::new();
    for k in def.evidence.0 as usize..def.evidence.1 as usize {
        let s = EVIDENCE_SLOT[k] as usize;
        if !slots.contains(s) {
            continue;
        }
        let id = slot_finding(s);
        let lr = EVIDENCE_LR[k] as f64 * LR_STEP;
        match per.iter_mut().find(|(x, _)| *x == id) {
            Some((_, sum)) => *sum += lr,
            None => per.push((id, lr)),
        }
    }
    per.retain(|(id, lr)| {
        *lr >= REASON_MIN_LR && !matches!(f.get(*id), Value::Bool(false) | Value::Set(0))
    });
    sort_small(&mut per, |a, b| a.1 > b.1);
    per.truncate(MAX_REASONS);
    per.into_iter().map(|(id, _)| id).collect()
}
