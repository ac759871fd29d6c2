//! `kb/rules.toml`: its definitions (`[define]`, names the conditions of
//! questions, rules and explanations may use) and `RULES`, the safety rules
//! in level order, each with its condition, sources and advice, and the
//! explanations an emergency or urgent rule is evidence for.

use super::{level_rust, parse, write_rows, LEVELS};
use crate::cond::Parser;
use crate::model::*;
use toml::{Table, Value};

/// The definitions of `[define]`; none may have the name of a finding.
pub fn defines(rules_t: &Table, findings: &[Finding]) -> Defines {
    let defines: Defines = rules_t
        .get("define")
        .map(|v| table(v, "define"))
        .map(|t| {
            t.iter()
                .map(|(k, v)| (k.clone(), string(Some(v), k).to_string()))
                .collect()
        })
        .unwrap_or_default();
    for k in defines.keys() {
        if findings.iter().any(|f| &f.id == k) {
            fail(&format!("definition {k:?} has the name of a finding"));
        }
    }
    defines
}

/// Writes `RULES`. A rule names the explanations of `expl_t` it is evidence
/// for, and its sources among `source_ids`.
pub fn write(
    w: &mut String,
    rules_t: &Table,
    expl_t: &Table,
    source_ids: &[String],
    parser: &Parser,
    texts: &mut Texts,
) {
    let expl_ids: Vec<String> = expl_t.keys().cloned().collect();
    if expl_ids.len() > 32 {
        fail("more than 32 explanations: `yields_to` is a 32-bit set");
    }
    if rules_t.keys().filter(|k| k.as_str() != "define").count() > 256 {
        fail("more than 256 rules: a fired rule keeps its index in a byte");
    }
    // Every explanation an urgent rule names (for `yields_to`).
    let urgent_named: Vec<String> = rules_t
        .iter()
        .filter(|(_, v)| v.get("level").and_then(Value::as_str) == Some("urgent"))
        .filter_map(|(id, v)| v.get("for").map(|f| strings(Some(f), id)))
        .flatten()
        .collect();
    let mut rule_rows = Vec::new();
    let mut source_rows = Vec::new();
    let mut id_rows = Vec::new();
    let mut seen_special = false;
    let mut last_rank = 0;
    for (id, v) in rules_t {
        if id == "define" {
            continue;
        }
        let what = format!("rule {id}");
        let t = table(v, &what);
        let level = string(t.get("level"), &what);
        let level_r = level_rust(level, &what);
        if level == "self_care" {
            fail(&format!("{what}: a rule cannot set self_care"));
        }
        let prefix = match level {
            "emergency" => 'E',
            "urgent" => 'U',
            _ => 'R',
        };
        if !id.starts_with(prefix) {
            fail(&format!(
                "{what}: the id must start with {prefix} for level {level}"
            ));
        }
        let rank = LEVELS.iter().position(|l| *l == level).unwrap();
        if rank < last_rank {
            fail(&format!(
                "{what}: rules must be listed emergency first, then urgent, then routine"
            ));
        }
        last_rank = rank;
        let advice = texts.add(&format!("rule.{id}.advice"), t.get("advice"));
        let sources = super::sources::of(source_ids, t.get("sources"), &what);
        let (cond, special) = match (t.get("when"), t.get("special")) {
            (Some(c), None) => (
                format!(
                    "Some(&{})",
                    parse(parser, string(Some(c), &what), &what).to_rust()
                ),
                "None",
            ),
            (None, Some(s)) if s.as_str() == Some("not_screened") => {
                if seen_special || level != "routine" {
                    fail(&format!(
                        "{what}: exactly one routine not_screened rule is allowed"
                    ));
                }
                seen_special = true;
                ("None".to_string(), "Some(Special::NotScreened)")
            }
            _ => fail(&format!(
                "{what}: needs either `when` or `special = \"not_screened\"`"
            )),
        };
        // What an emergency or urgent rule is evidence for: the explanations
        // a result at its level may lead with, or a risk independent of the
        // cause. Routine rules set no level a reassuring explanation could
        // contradict, so they name neither.
        let flag = |key: &str| t.get(key).and_then(Value::as_bool).unwrap_or(false);
        let explanations = |key: &str| -> Vec<usize> {
            t.get(key)
                .map(|_| strings(t.get(key), &what))
                .unwrap_or_default()
                .iter()
                .map(|e| by_id(&expl_ids, e, |x| x.as_str(), &format!("{what}.{key}")).0)
                .collect()
        };
        let independent = flag("independent");
        let named = explanations("for");
        // C1's two exceptions (src/assess.rs): `always_leads`, an emergency
        // rule whose named causes lead the other emergency rules' (E23: the
        // infection, not the nerve damage E13 names); `yields_to`, the
        // causes an urgent rule names that may lead this emergency rule's
        // when the scores make them far likelier (an infection behind E12's
        // blocked bladder). Each a reviewed choice
        // (docs/reviews/c1-cross-level-lead.md).
        let always_leads = flag("always_leads");
        let yields = explanations("yields_to");
        if (always_leads || !yields.is_empty()) && (level != "emergency" || named.is_empty()) {
            fail(&format!(
                "{what}: `always_leads` and `yields_to` are for an emergency rule that names explanations (`for`)"
            ));
        }
        if always_leads && !yields.is_empty() {
            fail(&format!(
                "{what}: a rule that always leads yields to nothing"
            ));
        }
        let mut yields_to = 0u32;
        for &e in &yields {
            let eid = &expl_ids[e];
            if yields_to & (1 << e) != 0 {
                fail(&format!("{what}.yields_to: {eid} twice"));
            }
            yields_to |= 1 << e;
            if named.contains(&e) {
                fail(&format!("{what}.yields_to: {eid} is in its own `for`"));
            }
            if expl_t[eid.as_str()].get("level").and_then(Value::as_str) == Some("self_care") {
                fail(&format!(
                    "{what}.yields_to: {eid} is a self-care explanation"
                ));
            }
            if !urgent_named.contains(eid) {
                fail(&format!("{what}.yields_to: no urgent rule names {eid}"));
            }
        }
        match (level, independent, named.is_empty()) {
            ("routine", false, true) => {}
            ("routine", _, _) => fail(&format!("{what}: a routine rule names no explanation and is not `independent`")),
            (_, true, false) | (_, false, true) => fail(&format!(
                "{what}: an emergency or urgent rule names the explanations it is evidence for (`for`), or is `independent = true`, not both"
            )),
            _ => {}
        }
        rule_rows.push(format!(
            "    RuleDef {{ level: {level_r}, cond: {cond}, special: {special}, advice: {advice}, evidence_for: &{named:?}, independent: {independent}, always_leads: {always_leads}, yields_to: {yields_to} }},"
        ));
        source_rows.push(format!("    {sources},"));
        id_rows.push(format!("    {},", lit(id)));
    }
    if !seen_special {
        fail("no not_screened rule");
    }
    write_rows(
        w,
        &format!("pub static RULES: [RuleDef; {}] = [", rule_rows.len()),
        &rule_rows,
    );
    // Apart from RULES: the ids (`RuleDef::id`) and the sources are read by
    // the API, the FHIR export and the tests, never by the element, whose
    // module then leaves them out.
    write_rows(
        w,
        &format!("pub static RULE_IDS: [&str; {}] = [", id_rows.len()),
        &id_rows,
    );
    super::sources::write_table(w, "RULE_SOURCES", &source_rows);
}
