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
        let independent = t
            .get("independent")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let named: Vec<usize> = t
            .get("for")
            .map(|_| strings(t.get("for"), &what))
            .unwrap_or_default()
            .iter()
            .map(|e| by_id(&expl_ids, e, |x| x.as_str(), &format!("{what}.for")).0)
            .collect();
        match (level, independent, named.is_empty()) {
            ("routine", false, true) => {}
            ("routine", _, _) => fail(&format!("{what}: a routine rule names no explanation and is not `independent`")),
            (_, true, false) | (_, false, true) => fail(&format!(
                "{what}: an emergency or urgent rule names the explanations it is evidence for (`for`), or is `independent = true`, not both"
            )),
            _ => {}
        }
        rule_rows.push(format!(
            "    RuleDef {{ level: {level_r}, cond: {cond}, special: {special}, advice: {advice}, evidence_for: &{named:?}, independent: {independent} }},"
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
