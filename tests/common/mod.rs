//! Shared by the integration tests: the vignettes and a simulated person.
#![allow(dead_code)]

use serde::Deserialize;
use twitch_triage::kb::{FindingKind, QuestionKind, QUESTIONS};
use twitch_triage::{Findings, Input, InputMap, Interview};

#[derive(Deserialize, Debug, Clone)]
pub struct Expect {
    pub triage: String,
    pub top: Vec<String>,
}

#[derive(Deserialize, Debug, Clone)]
pub struct Case {
    pub id: String,
    pub story: String,
    pub findings: serde_json::Map<String, serde_json::Value>,
    pub expect: Expect,
    /// The writer's reason for the expected level (blind set only).
    #[serde(default)]
    pub basis: Option<String>,
}

/// The worked cases: `$TWITCH_TRIAGE_VIGNETTES` if set, else the copy of
/// `../shared/vignettes/dev.json` kept in `tests/vignettes/`.
pub fn cases() -> Vec<Case> {
    let path = std::env::var("TWITCH_TRIAGE_VIGNETTES").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vignettes/dev.json").to_string()
    });
    read_cases(&path)
}

/// Our own worked cases (`tests/vignettes/own.json`): written by us, not
/// taken from the spec, to check that the knowledge base is not tuned to
/// the spec's cases alone. Same format as the spec's.
pub fn own_cases() -> Vec<Case> {
    read_cases(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vignettes/own.json"
    ))
}

/// Reads worked cases, with the answers their stories give to what the
/// questionnaire asks beyond the spec (`tests/vignettes/beyond-spec.json`,
/// shared with the Node tests): the findings beyond the spec that a safety
/// rule reads (`screening`: the spec's cases cannot list them, and an
/// unknown one would leave screening incomplete) are "no" unless the case's
/// story says otherwise (`cases`, by id: a yes/no finding, or members added
/// to a set, such as `when` "at night" for cramps at night).
fn read_cases(path: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut cases: Vec<Case> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let beyond: serde_json::Value =
        serde_json::from_str(include_str!("../vignettes/beyond-spec.json")).unwrap();
    for c in &mut cases {
        let told = beyond["cases"].get(&c.id).and_then(|b| b.as_object());
        for (id, answer) in told.into_iter().flatten() {
            match (c.findings.get_mut(id), answer) {
                (Some(serde_json::Value::Array(set)), serde_json::Value::Array(more)) => {
                    set.extend(more.iter().cloned())
                }
                (None, serde_json::Value::Bool(_)) => {
                    c.findings.insert(id.clone(), answer.clone());
                }
                _ => panic!("{}: beyond-spec.json cannot add {id} = {answer}", c.id),
            }
        }
        for id in beyond["screening"].as_array().unwrap() {
            c.findings
                .entry(id.as_str().unwrap())
                .or_insert(serde_json::Value::Bool(false));
        }
    }
    cases
}

/// The blind structured set (issue 31, `tests/vignettes/blind.json`):
/// written by helper sessions that had not read `kb/`, `src/` or the tests,
/// from the spec and the references, before the model changed for it.
pub fn blind_cases() -> Vec<Case> {
    read_cases(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vignettes/blind.json"
    ))
}

impl Case {
    /// The expected level.
    pub fn level(&self) -> twitch_triage::Level {
        twitch_triage::Level::ALL
            .into_iter()
            .find(|l| l.id() == self.expect.triage)
            .unwrap_or_else(|| panic!("{}: no level {:?}", self.id, self.expect.triage))
    }

    /// Whether `a`'s first explanation is one the case accepts, and whether
    /// any of its first three is.
    pub fn first_and_top3(&self, a: &twitch_triage::Assessment) -> (bool, bool) {
        let accept = |id: &str| self.expect.top.iter().any(|t| t == id);
        (
            accept(a.explanations[0].id),
            a.explanations.iter().take(3).any(|e| accept(e.id)),
        )
    }
}

/// The worked case with this id.
pub fn case(id: &str) -> Case {
    by_id(cases(), id)
}

/// Our own case with this id.
pub fn own_case(id: &str) -> Case {
    by_id(own_cases(), id)
}

fn by_id(cases: Vec<Case>, id: &str) -> Case {
    cases
        .into_iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no worked case {id}"))
}

pub fn findings(c: &Case) -> Findings {
    let text = serde_json::to_string(&c.findings).unwrap();
    let map: InputMap = serde_json::from_str(&text).unwrap();
    Findings::from_map(&map).unwrap_or_else(|e| panic!("{}: {e}", c.id))
}

/// The simulated person's answer to question `qi`: booleans not listed are
/// "no", sets not listed are empty, other unlisted findings "not sure".
pub fn simulated_answer(c: &Case, qi: usize) -> Input {
    let q = &QUESTIONS[qi];
    let get = |id: &str| c.findings.get(id);
    match q.kind {
        QuestionKind::Checklist => Input::List(
            q.options
                .iter()
                .filter(|f| get(f.id()) == Some(&serde_json::Value::Bool(true)))
                .map(|f| Input::Text(f.id().to_string()))
                .collect(),
        ),
        _ => {
            let f = q.finding.unwrap();
            match (f.def().kind, get(f.id())) {
                (FindingKind::Bool, Some(serde_json::Value::Bool(b))) => Input::Bool(*b),
                (FindingKind::Bool, _) => Input::Bool(false),
                (FindingKind::Set, None) => Input::List(vec![]),
                (_, None) => Input::Null,
                (_, Some(v)) => serde_json::from_value(v.clone()).unwrap(),
            }
        }
    }
}

/// Runs a whole interview with the simulated person; returns it and the
/// question ids asked, in order.
pub fn simulate(c: &Case) -> (Interview, Vec<&'static str>) {
    let mut iv = Interview::default();
    let mut asked = Vec::new();
    while let Some(i) = iv.next_index() {
        assert!(
            asked.len() < QUESTIONS.len(),
            "{}: interview did not stop",
            c.id
        );
        let q = QUESTIONS[i].id;
        assert!(!asked.contains(&q), "{}: asked {q} twice", c.id);
        asked.push(q);
        iv.answer(q, &simulated_answer(c, i)).unwrap();
    }
    (iv, asked)
}

/// Whether an English instruction sends the person for urgent or emergency
/// help (now, today, straight away, the emergency number or department,
/// hospital) without a condition ("if ..."). The spec gives urgent and
/// emergency to the safety rules alone, so an explanation's own steps and
/// safety net may ask for such help only under a condition: they are shown
/// on routine and self-care results, where an unconditional "get help now"
/// would contradict the result.
pub fn calls_for_help_unconditionally(text: &str) -> bool {
    let s = text
        .to_lowercase()
        .replace("wait to see if it passes", "wait")
        .replace("wait for it to pass", "wait");
    let urgent = ["emergency", " now", "today", "straight away", "hospital"]
        .iter()
        .any(|w| s.contains(w));
    urgent && !s.split(|c: char| !c.is_alphanumeric()).any(|w| w == "if")
}
