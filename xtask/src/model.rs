//! Prints the knowledge base's model as JSON (findings and their scoring
//! slots, explanations with priors, evidence and requirements, the rules'
//! conditions), so that the benchmark's JavaScript peer (bench/peer.mjs) is
//! generated from the same knowledge base instead of being written by hand.

use serde_json::{json, Value};
use twitch_triage::kb::{
    Cond, FindingKind, BACKGROUND, EVIDENCE_LR, EVIDENCE_SLOT, EXPLANATIONS, FINDINGS, LR_STEP,
    REQUIRES_UNMET_LOG, RULES,
};

fn values(f: twitch_triage::kb::FindingId, mask: u16) -> Vec<&'static str> {
    f.def()
        .values
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, v)| v.id)
        .collect()
}

fn cond(c: &Cond) -> Value {
    match c {
        Cond::Bool(f) => json!({ "is": f.id() }),
        Cond::OneIn(f, m) => json!({ "oneOf": f.id(), "values": values(*f, *m) }),
        Cond::SetAny(f, m) => json!({ "hasAny": f.id(), "values": values(*f, *m) }),
        Cond::SetOnly(f, m) => json!({ "only": f.id(), "values": values(*f, *m) }),
        Cond::IntLt(f, n) => json!({ "lessThan": f.id(), "value": n }),
        Cond::IntGe(f, n) => json!({ "atLeast": f.id(), "value": n }),
        Cond::Not(c) => json!({ "not": cond(c) }),
        Cond::Unless(c) => json!({ "unless": cond(c) }),
        Cond::And(cs) => json!({ "all": cs.iter().map(cond).collect::<Vec<_>>() }),
        Cond::Or(cs) => json!({ "any": cs.iter().map(cond).collect::<Vec<_>>() }),
    }
}

pub fn main() {
    let findings: Vec<Value> = FINDINGS
        .iter()
        .map(|f| {
            let kind = match f.kind {
                FindingKind::Bool => "bool",
                FindingKind::Int { .. } => "int",
                FindingKind::One => "one",
                FindingKind::Set => "set",
            };
            json!({
                "id": f.id,
                "kind": kind,
                "slot": f.slot,
                "values": f.values.iter().map(|v| v.id).collect::<Vec<_>>(),
                "bands": f.values.iter().map(|v| [v.lo, v.hi]).collect::<Vec<_>>(),
            })
        })
        .collect();
    let explanations: Vec<Value> = EXPLANATIONS
        .iter()
        .map(|e| {
            let (a, b) = (e.evidence.0 as usize, e.evidence.1 as usize);
            json!({
                "id": e.id,
                "level": e.level.id(),
                "logPrior": e.log_prior,
                "evidence": (a..b).map(|k| json!([EVIDENCE_SLOT[k], EVIDENCE_LR[k] as f64 * LR_STEP])).collect::<Vec<_>>(),
                "requires": e.requires.map(cond),
            })
        })
        .collect();
    let rules: Vec<Value> = RULES
        .iter()
        .filter_map(|r| {
            r.cond
                .map(|c| json!({ "id": r.id(), "level": r.level.id(), "when": cond(c) }))
        })
        .collect();
    println!(
        "{}",
        json!({ "findings": findings, "explanations": explanations, "requiresUnmetLog": REQUIRES_UNMET_LOG, "background": BACKGROUND.to_vec(), "rules": rules })
    );
}
