//! `kb/questions.toml`: `QUESTIONS` and `QUESTIONS_BY_NAME`. Every finding
//! is asked by exactly one question, of a kind that fits it.

use std::fmt::Write as _;

use super::{parse, write_rows};
use crate::cond::Parser;
use crate::model::*;
use toml::{Table, Value};

/// Writes the questions' tables; returns the question that asks each
/// finding (all of them `Some`).
pub fn write(
    w: &mut String,
    questions_t: &Table,
    findings: &[Finding],
    parser: &Parser,
    texts: &mut Texts,
) -> Vec<Option<usize>> {
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
            .map(|c| parse(parser, string(Some(c), &what), &what));
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
                    let (i, f) = by_id(findings, o, |f| f.id.as_str(), &what);
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
            let (fi, f) = by_id(findings, fid, |f| f.id.as_str(), &what);
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
    write_rows(
        w,
        &format!("pub static QUESTIONS: [QuestionDef; {}] = [", qrows.len()),
        &qrows,
    );
    asked_by
}
