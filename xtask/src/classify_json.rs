//! Reads a JSON array of vignettes (`[{ "id", "findings", ... }]`) on stdin
//! and prints, as JSON, what the Rust core gives for each: the `classify`
//! result on the full findings, and the questions and result of a simulated
//! interview (the person answers from the findings; booleans not listed are
//! "no", sets not listed are empty, other unlisted findings "not sure").
//! The Node tests compare the npm package against this.

use std::io::Read;

use serde_json::{json, Value};
use twitch_triage::kb::{FindingKind, QuestionKind, QUESTIONS};
use twitch_triage::{classify, Findings, Input, InputMap, Interview};

fn answer(findings: &serde_json::Map<String, Value>, qi: usize) -> Input {
    let q = &QUESTIONS[qi];
    match q.kind {
        QuestionKind::Checklist => Input::List(
            q.options
                .iter()
                .filter(|f| findings.get(f.id()) == Some(&Value::Bool(true)))
                .map(|f| Input::from(f.id()))
                .collect(),
        ),
        _ => {
            let f = q.finding.unwrap();
            match (f.def().kind, findings.get(f.id())) {
                (FindingKind::Bool, Some(Value::Bool(b))) => Input::Bool(*b),
                (FindingKind::Bool, _) => Input::Bool(false),
                (FindingKind::Set, None) => Input::List(vec![]),
                (_, None) => Input::Null,
                (_, Some(v)) => serde_json::from_value(v.clone()).unwrap(),
            }
        }
    }
}

pub fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).unwrap();
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    let mut out = Vec::new();
    for c in &cases {
        let fmap = c["findings"].as_object().unwrap();
        let map: InputMap = serde_json::from_value(c["findings"].clone()).unwrap();
        let findings = Findings::from_map(&map).unwrap();
        let mut iv = Interview::default();
        let mut asked = Vec::new();
        while let Some(i) = iv.next_index() {
            asked.push(QUESTIONS[i].id);
            iv.answer(QUESTIONS[i].id, &answer(fmap, i)).unwrap();
        }
        out.push(json!({
            "id": c["id"],
            "classify": classify(&findings),
            "interview": { "questions": asked, "result": iv.result(), "answers": iv.answers() },
        }));
    }
    println!("{}", serde_json::to_string_pretty(&out).unwrap());
}
