//! Compiles the reviewable knowledge base in `kb/*.toml` into static Rust
//! tables (`$OUT_DIR/kb_gen.rs`, included by `src/kb.rs`) and language
//! packs.
//!
//! Everything is checked here: unknown ids, types, probabilities, texts in
//! every language, conditions. A mistake in the data is a build error that
//! names the entry, never a surprise at run time. Nothing is parsed when the
//! library starts.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::cond::{Cond, Parser};
use crate::keys;
use crate::model::*;
use toml::Value;

const LEVELS: &[&str] = &["emergency", "urgent", "routine", "self_care"];

fn level_rust(l: &str, what: &str) -> &'static str {
    match l {
        "emergency" => "Level::Emergency",
        "urgent" => "Level::Urgent",
        "routine" => "Level::Routine",
        "self_care" => "Level::SelfCare",
        _ => fail(&format!("{what}: unknown level {l:?}")),
    }
}

fn f32_lit(x: f64) -> String {
    let x = x as f32;
    if x.is_finite() {
        format!("{x:?}f32")
    } else {
        fail("non-finite number in a generated table")
    }
}

/// The knowledge base's files, `kb/<name>.toml`.
const KB_FILES: [&str; 7] = [
    "sources",
    "findings",
    "questions",
    "rules",
    "explanations",
    "ui",
    "emergency_numbers",
];

/// `<version>+kb.<8 hex digits>`: the package's version and the first 32
/// bits of the FNV-1a fingerprint of the files' contents, in order.
pub fn kb_version(version: &str, files: &[String]) -> String {
    format!("{version}+kb.{:08x}", fingerprint(files) >> 32)
}

/// Compiles `kb/*.toml` (paths relative to the current directory: the
/// core's package, where cargo runs its build script) into `$OUT_DIR`, and
/// tells cargo which files to watch and where the packs are. Panics with a
/// message naming the file and entry on any mistake in the data.
pub fn compile() {
    for f in KB_FILES {
        println!("cargo:rerun-if-changed=kb/{f}.toml");
    }

    let mut texts = Texts::default();
    let mut out = String::new();
    let w = &mut out;

    // The knowledge base's version, shown on the printed summary and in the
    // FHIR export: the package's version and the fingerprint of every kb
    // file's bytes, so any change to the data (a rule, a wording, a
    // source) gives another version.
    let files: Vec<String> = KB_FILES
        .iter()
        .map(|f| {
            let path = format!("kb/{f}.toml");
            std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{path}: {e}")))
        })
        .collect();
    writeln!(
        w,
        "/// The knowledge base's version: the package's version and the\n\
         /// fingerprint of the bytes of every `kb/*.toml` file.\n\
         pub const KB_VERSION: &str = {:?};",
        kb_version(
            &std::env::var("CARGO_PKG_VERSION").unwrap_or_default(),
            &files
        )
    )
    .unwrap();

    // ------------------------------------------------------------ sources
    let sources_t = load("kb/sources.toml");
    let source_ids: Vec<String> = sources_t.keys().cloned().collect();
    writeln!(
        w,
        "pub static SOURCES: [SourceDef; {}] = [",
        source_ids.len()
    )
    .unwrap();
    for (id, v) in &sources_t {
        let t = table(v, id);
        writeln!(
            w,
            "    SourceDef {{ id: {}, title: {}, publisher: {}, note: {} }},",
            lit(id),
            lit(string(t.get("title"), id)),
            lit(string(t.get("publisher"), id)),
            lit(string(t.get("note"), id)),
        )
        .unwrap();
    }
    writeln!(w, "];").unwrap();
    let sources_of = |v: Option<&Value>, what: &str| -> String {
        let ids = strings(v, &format!("{what}.sources"));
        if ids.is_empty() {
            fail(&format!("{what}: at least one source is required"));
        }
        let idx: Vec<String> = ids
            .iter()
            .map(|s| {
                by_id(&source_ids, s, |x| x.as_str(), &format!("{what}.sources"))
                    .0
                    .to_string()
            })
            .collect();
        format!("&[{}]", idx.join(", "))
    };

    // ------------------------------------------------------------ findings
    let findings_t = load("kb/findings.toml");
    let findings = load_findings(&findings_t, &mut texts);
    let slot_count: usize = findings.iter().map(Finding::slot_count).sum();
    let bg_logp: Vec<f64> = findings
        .iter()
        .flat_map(|f| slot_logp(f, None, &f.id))
        .collect();
    assert_eq!(bg_logp.len(), slot_count);

    // ------------------------------------------------------------ questions
    let questions_t = load("kb/questions.toml");
    let rules_t = load("kb/rules.toml");
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
    let parser = Parser {
        findings: &findings,
        defines: &defines,
    };
    let parse = |src: &str, what: &str| -> Cond {
        parser
            .parse(src)
            .unwrap_or_else(|e| fail(&format!("{what}: {e}")))
    };

    if questions_t.len() > 32 {
        fail("at most 32 questions: the interview keeps the questions asked as the bits of a u32");
    }
    let mut asked_by: Vec<Option<usize>> = vec![None; findings.len()];
    let mut qrows = Vec::new();
    let mut priorities = Vec::new();
    for (qi, (id, v)) in questions_t.iter().enumerate() {
        let what = format!("question {id}");
        let t = table(v, &what);
        let kind = string(t.get("kind"), &what);
        let text = texts.add(&format!("question.{id}.text"), t.get("text"));
        let hint = t
            .get("hint")
            .map(|h| texts.add(&format!("question.{id}.hint"), Some(h)));
        let priority = num(t.get("priority"), &what) as u8;
        if priorities.contains(&priority) {
            fail(&format!("{what}: priority {priority} is used twice"));
        }
        priorities.push(priority);
        let core = t.get("core").and_then(Value::as_bool).unwrap_or(false);
        let ask_if = t
            .get("ask_if")
            .map(|c| parse(string(Some(c), &what), &what));
        let mut mark = |f: usize| {
            if let Some(q) = asked_by[f] {
                fail(&format!(
                    "finding {} is asked by two questions ({q} and {qi})",
                    findings[f].id
                ));
            }
            asked_by[f] = Some(qi);
        };
        let (kind_rust, finding, options) = if kind == "checklist" {
            let opts = strings(t.get("options"), &what);
            if opts.is_empty() || opts.len() > 16 {
                fail(&format!("{what}: a checklist needs 1 to 16 options"));
            }
            let idx: Vec<usize> = opts
                .iter()
                .map(|o| {
                    let (i, f) = by_id(&findings, o, |f| f.id.as_str(), &what);
                    if f.kind != Kind::Bool {
                        fail(&format!(
                            "{what}: checklist option {o:?} is not a yes/no finding"
                        ));
                    }
                    i
                })
                .collect();
            idx.iter().for_each(|&i| mark(i));
            ("QuestionKind::Checklist", "None".to_string(), idx)
        } else {
            let fid = string(t.get("finding"), &what);
            let (fi, f) = by_id(&findings, fid, |f| f.id.as_str(), &what);
            let (k, ok) = match kind {
                "one" => ("QuestionKind::One", f.kind == Kind::One),
                "many" => ("QuestionKind::Many", f.kind == Kind::Set),
                "yesno" => ("QuestionKind::YesNo", f.kind == Kind::Bool),
                "number" => ("QuestionKind::Number", matches!(f.kind, Kind::Int { .. })),
                _ => fail(&format!("{what}: unknown kind {kind:?}")),
            };
            if !ok {
                fail(&format!("{what}: kind {kind} does not fit finding {fid}"));
            }
            mark(fi);
            (k, format!("Some(FindingId({fi}))"), vec![])
        };
        qrows.push(format!(
            "    QuestionDef {{ id: {}, kind: {kind_rust}, finding: {finding}, options: &[{}], text: {text}, hint: {}, priority: {priority}, core: {core}, ask_if: {} }},",
            lit(id),
            options.iter().map(|i| format!("FindingId({i})")).collect::<Vec<_>>().join(", "),
            hint.map_or("None".into(), |h| format!("Some({h})")),
            ask_if.map_or("None".into(), |c| format!("Some(&{})", c.to_rust())),
        ));
    }
    for (f, q) in findings.iter().zip(&asked_by) {
        if q.is_none() {
            fail(&format!("finding {} is not asked by any question", f.id));
        }
    }
    let mut q_by_name: Vec<(String, usize)> = questions_t
        .keys()
        .enumerate()
        .map(|(i, id)| (id.clone(), i))
        .collect();
    q_by_name.sort();
    writeln!(
        w,
        "/// Question indices in the order of their names, for binary search\n/// (indices only: the names are in `QUESTIONS`).\npub static QUESTIONS_BY_NAME: [u8; {}] = {:?};",
        q_by_name.len(),
        q_by_name.iter().map(|(_, i)| *i as u8).collect::<Vec<_>>()
    )
    .unwrap();
    writeln!(
        w,
        "pub static QUESTIONS: [QuestionDef; {}] = [",
        qrows.len()
    )
    .unwrap();
    qrows.iter().for_each(|r| writeln!(w, "{r}").unwrap());
    writeln!(w, "];").unwrap();

    // ------------------------------------------------------------ findings table
    writeln!(
        w,
        "pub static FINDINGS: [FindingDef; {}] = [",
        findings.len()
    )
    .unwrap();
    for (f, q) in findings.iter().zip(&asked_by) {
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

    // ------------------------------------------------------------ rules
    // (Explanations are loaded first: a rule names those it is evidence for.)
    let expl_t = load("kb/explanations.toml");
    let expl_ids: Vec<String> = expl_t.keys().cloned().collect();
    let mut rule_rows = Vec::new();
    let mut seen_special = false;
    let mut last_rank = 0;
    for (id, v) in &rules_t {
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
        let sources = sources_of(t.get("sources"), &what);
        let (cond, special) = match (t.get("when"), t.get("special")) {
            (Some(c), None) => (
                format!("Some(&{})", parse(string(Some(c), &what), &what).to_rust()),
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
            "    RuleDef {{ id: {}, level: {level_r}, cond: {cond}, special: {special}, sources: {sources}, advice: {advice}, evidence_for: &{named:?}, independent: {independent} }},",
            lit(id)
        ));
    }
    if !seen_special {
        fail("no not_screened rule");
    }
    writeln!(w, "pub static RULES: [RuleDef; {}] = [", rule_rows.len()).unwrap();
    rule_rows.iter().for_each(|r| writeln!(w, "{r}").unwrap());
    writeln!(w, "];").unwrap();

    // ------------------------------------------------------------ explanations
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
    for (id, v) in &expl_t {
        let what = format!("explanation {id}");
        let t = table(v, &what);
        let level = string(t.get("level"), &what);
        if level != "self_care" && level != "routine" {
            fail(&format!(
                "{what}: an explanation's usual level is self_care or routine, not {level}"
            ));
        }
        let prior = prob(t.get("prior"), &what) / prior_sum;
        let sources = sources_of(t.get("sources"), &what);
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
                let c = parse(string(Some(c), &what), &what);
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
            let (_, f) = by_id(&findings, fid, |f| f.id.as_str(), &at);
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
            "    ExplanationDef {{ id: {}, level: {}, log_prior: {}, sources: {sources}, name: {name}, summary: {summary}, todo: &[{}], safety_net: {safety_net}, tell_doctor: {tell_doctor}, evidence: ({start}, {}), requires: {requires} }},",
            lit(id),
            level_rust(level, &what),
            f32_lit(prior.ln()),
            todo.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", "),
            ev_slots.len()
        ));
    }
    writeln!(
        w,
        "pub static EXPLANATIONS: [ExplanationDef; {}] = [",
        rows.len()
    )
    .unwrap();
    rows.iter().for_each(|r| writeln!(w, "{r}").unwrap());
    writeln!(w, "];").unwrap();
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

    crate::codes::write(w, &sources_t, &findings_t, &expl_t);

    // ------------------------------------------------------------ ui texts
    let ui_t = load("kb/ui.toml");
    let levels_t = ui_t
        .get("level")
        .map(|v| table(v, "level"))
        .unwrap_or_else(|| fail("ui: no [level] table"));
    let mut level_rows = Vec::new();
    for l in LEVELS {
        let lt = levels_t
            .get(*l)
            .map(|v| table(v, l))
            .unwrap_or_else(|| fail(&format!("ui: no texts for level {l}")));
        let title = texts.add(&format!("level.{l}.title"), lt.get("title"));
        let action = texts.add(&format!("level.{l}.action"), lt.get("action"));
        level_rows.push(format!(
            "    LevelText {{ title: {title}, action: {action} }},"
        ));
    }
    writeln!(w, "/// Texts of each level, in the order of `Level`.\npub static LEVEL_TEXTS: [LevelText; 4] = [").unwrap();
    level_rows.iter().for_each(|r| writeln!(w, "{r}").unwrap());
    writeln!(w, "];").unwrap();
    writeln!(
        w,
        "/// Interface texts by name.\n#[allow(dead_code)]\npub mod t {{\n    use super::TextId;"
    )
    .unwrap();
    let ui_texts = ui_t
        .get("text")
        .map(|v| table(v, "text"))
        .unwrap_or_else(|| fail("ui: no [text] table"));
    for (k, v) in ui_texts {
        let i = texts.add(&format!("ui.{k}"), Some(v));
        writeln!(w, "    pub const {}: TextId = {i};", k.to_uppercase()).unwrap();
    }
    writeln!(w, "}}").unwrap();
    crate::emit::export_texts(w, &ui_t);

    crate::emit::emergency_numbers(w);
    crate::emit::texts_and_packs(w, &texts);

    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("kb_gen.rs");
    std::fs::write(dest, out).unwrap();
}

#[cfg(test)]
mod tests {
    use super::kb_version;

    #[test]
    fn the_kb_version_changes_with_any_byte_of_the_data() {
        let files = |rules: &str| vec!["[a]".to_string(), rules.to_string()];
        let v = kb_version("0.1.0", &files("[R1]\nlevel = \"urgent\""));
        assert!(
            v.starts_with("0.1.0+kb.") && v.len() == "0.1.0+kb.".len() + 8,
            "{v}"
        );
        assert_eq!(v, kb_version("0.1.0", &files("[R1]\nlevel = \"urgent\"")));
        assert_ne!(v, kb_version("0.1.0", &files("[R1]\nlevel = \"routine\"")));
        assert_ne!(v, kb_version("0.2.0", &files("[R1]\nlevel = \"urgent\"")));
    }
}
