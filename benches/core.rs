//! Native speed of the core (divan): `classify` on each vignette, and a
//! whole simulated interview per vignette. `npm run bench` runs this and
//! puts the figures in its table.

use serde_json::Value;
use twitch_triage::kb::{FindingKind, QuestionKind, QUESTIONS};
use twitch_triage::{classify, Findings, Input, InputMap, Interview};

fn main() {
    divan::main();
}

fn cases() -> Vec<Value> {
    serde_json::from_str(include_str!("../tests/vignettes/dev.json")).unwrap()
}

fn findings() -> Vec<Findings> {
    cases()
        .iter()
        .map(|c| {
            Findings::from_map(&serde_json::from_value::<InputMap>(c["findings"].clone()).unwrap())
                .unwrap()
        })
        .collect()
}

/// The simulated person of the spec.
fn answer(f: &serde_json::Map<String, Value>, qi: usize) -> Input {
    let q = &QUESTIONS[qi];
    match q.kind {
        QuestionKind::Checklist => Input::List(
            q.options
                .iter()
                .filter(|o| f.get(o.id()) == Some(&Value::Bool(true)))
                .map(|o| Input::from(o.id()))
                .collect(),
        ),
        _ => {
            let id = q.finding.unwrap();
            match (id.def().kind, f.get(id.id())) {
                (FindingKind::Bool, Some(Value::Bool(b))) => Input::Bool(*b),
                (FindingKind::Bool, _) => Input::Bool(false),
                (FindingKind::Set, None) => Input::List(vec![]),
                (_, None) => Input::Null,
                (_, Some(v)) => serde_json::from_value(v.clone()).unwrap(),
            }
        }
    }
}

/// One `classify` call, cycling through the vignettes.
#[divan::bench]
fn classify_one(b: divan::Bencher) {
    let all = findings();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % all.len();
        classify(divan::black_box(&all[i]))
    });
}

/// A whole interview (next, answer, ... until done, then the result), cycling
/// through the vignettes.
#[divan::bench]
fn interview_one(b: divan::Bencher) {
    let cases = cases();
    let maps: Vec<_> = cases
        .iter()
        .map(|c| c["findings"].as_object().unwrap().clone())
        .collect();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % maps.len();
        let mut iv = Interview::default();
        while let Some(q) = iv.next_index() {
            iv.answer(QUESTIONS[q].id, &answer(&maps[i], q)).unwrap();
        }
        iv.result()
    });
}
