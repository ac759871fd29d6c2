//! `kb/explanations.toml`: `EXPLANATIONS`, and the scoring model
//! precomputed from their figures: each explanation's evidence as
//! log-likelihood ratios against the background population, per scoring
//! slot, quantised (`EVIDENCE_SLOT`, `EVIDENCE_LR`, `LR_STEP`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{f32_lit, level_rust, parse, write_rows};
use crate::cond::Parser;
use crate::keys;
use crate::model::*;
use toml::Table;

/// Writes the explanations' tables. `bg_logp` is the background
/// population's log-parameters per slot (`findings.rs`), the sources are
/// ids of `source_ids`.
pub fn write(
    w: &mut String,
    expl_t: &Table,
    findings: &[Finding],
    bg_logp: &[f64],
    source_ids: &[String],
    parser: &Parser,
    texts: &mut Texts,
) {
    let prior_sum: f64 = expl_t
        .iter()
        .map(|(id, v)| num(table(v, id).get("prior"), id))
        .sum();
    let mut ev_slots: Vec<u8> = Vec::new();
    // log(P(slot | e) / P(slot | background)), quantised: steps of LR_STEP
    // nats fit an i8 (the model's figures are rough estimates; a 5 % step
    // changes no ranking that matters). Steps that round to 0 are dropped.
    const LR_STEP: f64 = 0.05;
    let mut ev_lr: Vec<i8> = Vec::new();
    let mut rows = Vec::new();
    let mut source_rows = Vec::new();
    for (id, v) in expl_t {
        let what = format!("explanation {id}");
        let t = table(v, &what);
        let level = string(t.get("level"), &what);
        if level != "self_care" && level != "routine" {
            fail(&format!(
                "{what}: an explanation's usual level is self_care or routine, not {level}"
            ));
        }
        let prior = prob(t.get("prior"), &what) / prior_sum;
        let sources = super::sources::of(source_ids, t.get("sources"), &what);
        let name = texts.add(&format!("explanation.{id}.name"), t.get("name"));
        let summary = texts.add(&format!("explanation.{id}.summary"), t.get("summary"));
        let todo = texts.add_list(&format!("explanation.{id}.todo"), t.get("todo"));
        let safety_net = texts.add(&format!("explanation.{id}.safety_net"), t.get("safety_net"));
        let tell_doctor = texts.add(
            &format!("explanation.{id}.tell_doctor"),
            t.get("tell_doctor"),
        );
        let p = t
            .get("p")
            .map(|p| table(p, &what))
            .unwrap_or_else(|| fail(&format!("{what}: no evidence table [p]")));
        // What the explanation cannot be without (see `ExplanationDef::requires`).
        let requires = match t.get("requires") {
            None => "None".to_string(),
            Some(c) => {
                let what = format!("{what}.requires");
                let c = parse(parser, string(Some(c), &what), &what);
                if c.has_unless() {
                    fail(&format!(
                        "{what}: `unless` belongs to rules; a requirement either holds or not"
                    ));
                }
                format!("Some(&{})", c.to_rust())
            }
        };
        let start = ev_slots.len();
        let mut by_slot = BTreeMap::new();
        for (fid, pv) in p {
            // Named by file and table: a misspelt finding or value here is
            // an unknown key of kb/explanations.toml.
            let at = format!("kb/explanations.toml: [{id}.p]");
            let (_, f) = by_id(findings, fid, |f| f.id.as_str(), &at);
            let lp = slot_logp(f, Some(pv), &format!("{at} {fid}"));
            for (k, x) in lp.iter().enumerate() {
                let lr = x - bg_logp[f.slot + k];
                if lr.abs() > 1e-6 {
                    by_slot.insert(f.slot + k, lr);
                }
            }
        }
        // Every figure names its basis, once its keys are known to be findings
        // (the texts are read only here, never compiled in).
        keys::check_basis("kb/explanations.toml", id, t).unwrap_or_else(|e| fail(&e));
        for (s, lr) in by_slot {
            let q = (lr / LR_STEP).round();
            if !(-128.0..=127.0).contains(&q) {
                fail(&format!("{what}: a likelihood ratio of e^{lr:.2} is outside what an i8 in steps of {LR_STEP} holds"));
            }
            if q != 0.0 {
                ev_slots.push(s as u8);
                ev_lr.push(q as i8);
            }
        }
        rows.push(format!(
            "    ExplanationDef {{ id: {}, level: {}, log_prior: {}, name: {name}, summary: {summary}, todo: &[{}], safety_net: {safety_net}, tell_doctor: {tell_doctor}, evidence: ({start}, {}), requires: {requires} }},",
            lit(id),
            level_rust(level, &what),
            f32_lit(prior.ln()),
            todo.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", "),
            ev_slots.len()
        ));
        source_rows.push(format!("    {sources},"));
    }
    write_rows(
        w,
        &format!(
            "pub static EXPLANATIONS: [ExplanationDef; {}] = [",
            rows.len()
        ),
        &rows,
    );
    super::sources::write_table(w, "EXPLANATION_SOURCES", &source_rows);
    writeln!(
        w,
        "/// Scoring slots of every explanation's evidence (see `ExplanationDef::evidence`)."
    )
    .unwrap();
    writeln!(
        w,
        "pub static EVIDENCE_SLOT: [u8; {}] = {:?};",
        ev_slots.len(),
        ev_slots
    )
    .unwrap();
    writeln!(
        w,
        "/// Size of one step of [`EVIDENCE_LR`], in nats.\npub const LR_STEP: f64 = {LR_STEP:?};"
    )
    .unwrap();
    writeln!(w, "/// log(P(slot | explanation) / P(slot | background)) in steps of LR_STEP, parallel to EVIDENCE_SLOT.").unwrap();
    writeln!(
        w,
        "pub static EVIDENCE_LR: [i8; {}] = {:?};",
        ev_lr.len(),
        ev_lr
    )
    .unwrap();
}
