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

/// `classify` on every vignette, one after another. One sample is a whole
/// pass, so every sample times the same calls; `bench/run.mjs` divides by the
/// number of vignettes. (Cycling one vignette per iteration made the figures
/// depend on which vignettes a sample happened to hold: the interview's median
/// moved between 304 and 476 µs from run to run of the same code.)
#[divan::bench]
fn classify_all(b: divan::Bencher) {
    let all = findings();
    b.bench_local(|| {
        for f in &all {
            divan::black_box(classify(divan::black_box(f)));
        }
    });
}

/// A whole interview (next, answer, ... until done, then the result) for
/// every vignette, one after another; one sample is a whole pass, as above.
#[divan::bench]
fn interview_all(b: divan::Bencher) {
    let maps: Vec<_> = cases()
        .iter()
        .map(|c| c["findings"].as_object().unwrap().clone())
        .collect();
    b.bench_local(|| {
        for m in &maps {
            let mut iv = Interview::default();
            while let Some(q) = iv.next_index() {
                iv.answer(QUESTIONS[q].id, &answer(m, q)).unwrap();
            }
            divan::black_box(iv.result());
        }
    });
}
