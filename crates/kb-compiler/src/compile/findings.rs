//! `kb/findings.toml` as tables: `FINDINGS` (with the question that asks
//! each), the ids by name (`FINDINGS_BY_NAME`, `f::…`), and the scoring
//! slots of the background population (`SLOT_COUNT`, `BACKGROUND`). The
//! findings themselves are read by `model.rs`.

use std::fmt::Write as _;

use super::f32_lit;
use crate::model::*;

/// Log-parameters of the background population, per scoring slot.
pub fn background(findings: &[Finding]) -> Vec<f64> {
    let slot_count: usize = findings.iter().map(Finding::slot_count).sum();
    let bg_logp: Vec<f64> = findings
        .iter()
        .flat_map(|f| slot_logp(f, None, &f.id))
        .collect();
    assert_eq!(bg_logp.len(), slot_count);
    bg_logp
}

/// Writes the findings' tables; `asked_by` is the question of each finding,
/// `bg_logp` its [`background`].
pub fn write(w: &mut String, findings: &[Finding], asked_by: &[Option<usize>], bg_logp: &[f64]) {
    let slot_count = bg_logp.len();
    writeln!(
        w,
        "pub static FINDINGS: [FindingDef; {}] = [",
        findings.len()
    )
    .unwrap();
    for (f, q) in findings.iter().zip(asked_by) {
        let kind = match f.kind {
            Kind::Bool => "FindingKind::Bool".to_string(),
            Kind::One => "FindingKind::One".to_string(),
            Kind::Set => "FindingKind::Set".to_string(),
            Kind::Int { min, max } => format!("FindingKind::Int {{ min: {min}, max: {max} }}"),
        };
        let values: Vec<String> = f
            .values
            .iter()
            .map(|v| {
                format!(
                    "ValueDef {{ id: {}, label: {}, lo: {}, hi: {} }}",
                    lit(&v.id),
                    if v.label == usize::MAX {
                        "NO_TEXT".to_string()
                    } else {
                        v.label.to_string()
                    },
                    v.range.0,
                    v.range.1
                )
            })
            .collect();
        writeln!(
            w,
            "    FindingDef {{ id: {}, kind: {kind}, label: {}, values: &[{}], question: {}, slot: {} }},",
            lit(&f.id),
            f.label,
            values.join(", "),
            q.unwrap(),
            f.slot
        )
        .unwrap();
    }
    writeln!(w, "];").unwrap();
    let mut by_name: Vec<(String, usize)> = findings
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.clone(), i))
        .collect();
    by_name.sort();
    writeln!(
        w,
        "/// Finding indices in the order of their ids, for binary search\n/// (indices only: the ids are in `FINDINGS`).\npub static FINDINGS_BY_NAME: [u8; {}] = {:?};",
        by_name.len(),
        by_name.iter().map(|(_, i)| *i as u8).collect::<Vec<_>>()
    )
    .unwrap();
    writeln!(w, "/// Finding ids by name, for code and tests that name a finding.\n#[allow(dead_code)]\npub mod f {{\n    use super::FindingId;").unwrap();
    for (i, f) in findings.iter().enumerate() {
        writeln!(
            w,
            "    pub const {}: FindingId = FindingId({i});",
            f.id.to_uppercase()
        )
        .unwrap();
    }
    writeln!(w, "}}").unwrap();
    writeln!(w, "pub const SLOT_COUNT: usize = {slot_count};").unwrap();
    writeln!(
        w,
        "/// Log-parameters of the background population, per scoring slot."
    )
    .unwrap();
    writeln!(
        w,
        "pub static BACKGROUND: [f32; SLOT_COUNT] = [{}];",
        bg_logp
            .iter()
            .map(|x| f32_lit(*x))
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
}
