// The fuzzing harnesses, shared by the cargo-fuzz targets (fuzz_targets/)
// and the regression test that replays the kept corpus natively
// (tests/fuzz_corpus.rs). Each checks invariants, not just "no panic".

use twitch_triage::kb::{Lang, Level, QUESTIONS};
use twitch_triage::{classify, classify_in, Findings, Input, InputMap, Interview};

/// Findings from arbitrary JSON text: refused with a readable error, or
/// classified with every invariant of a result holding.
pub fn findings_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(map) = serde_json::from_str::<InputMap>(text) {
        match Findings::from_map(&map) {
            Ok(f) => {
                let a = classify(&f);
                assert_eq!(a.complete, a.unanswered.is_empty());
                if !a.complete {
                    assert_ne!(a.triage, Level::SelfCare, "never self-care while screening is incomplete");
                }
                assert!((3..=5).contains(&a.explanations.len()));
                assert!(a.rules.iter().all(|r| a.triage <= r.level()), "a rule's floor is never lowered");
                assert!(!a.advice.is_empty());
                for lang in Lang::ALL {
                    let b = classify_in(&f, lang);
                    assert_eq!((a.triage, a.explanations[0].id), (b.triage, b.explanations[0].id));
                }
                // The answers survive a round trip through JSON.
                let back: Findings = serde_json::from_str(&serde_json::to_string(&f).unwrap()).unwrap();
                assert_eq!(back, f);
            }
            Err(e) => {
                assert!(!e.message.is_empty() && e.message.len() < 1000, "{}", e.message);
                assert!(e.message.contains("expected"), "{}", e.message);
            }
        }
    }
    let _ = serde_json::from_str::<Findings>(text);
}

/// A value from the next bytes: often valid for some question, often not.
fn input(data: &[u8], at: &mut usize) -> Input {
    let mut byte = || {
        let b = data.get(*at).copied().unwrap_or(0);
        *at += 1;
        b
    };
    let ids = ["none", "flicker", "eyelid", "weakness", "chest_pain", "lithium", "hours", "jerk", "at_rest", "x", ""];
    match byte() % 9 {
        0 => Input::Null,
        1 => Input::Bool(byte() % 2 == 0),
        2 => Input::Number(byte() as f64 - 20.0),
        3 => Input::Number(f64::from_bits(u64::from(byte()) << 56)),
        4 => Input::Text(ids[byte() as usize % ids.len()].to_string()),
        5 => {
            let n = byte() % 5;
            Input::List((0..n).map(|_| Input::Text(ids[byte() as usize % ids.len()].to_string())).collect())
        }
        6 => Input::List(vec![Input::Number(1.0), Input::Object]),
        7 => Input::TooLong,
        _ => Input::Object,
    }
}

/// Which questions an interview has asked, as a mask.
fn asked_mask(iv: &Interview) -> u64 {
    (0..QUESTIONS.len()).filter(|&q| iv.was_asked(q)).fold(0, |m, q| m | 1 << q)
}

/// Interview commands in any order (next, answer, back, result), with any
/// values: no panic, no question offered twice, a refused answer changes
/// nothing, `back` undoes an answer exactly, and the interview always ends
/// when its questions are answered.
pub fn interview_commands(data: &[u8]) {
    let mut iv = Interview::new(Lang::ALL[data.first().copied().unwrap_or(0) as usize % 3]);
    let mut at = 1;
    while at < data.len() {
        let op = data[at];
        at += 1;
        match op % 6 {
            0 => {
                if let Some(q) = iv.next_index() {
                    assert!(!iv.was_asked(q), "offered {} again", QUESTIONS[q].id);
                }
            }
            1 | 2 => {
                let q = data.get(at).copied().unwrap_or(0) as usize % (QUESTIONS.len() + 1);
                at += 1;
                let id = QUESTIONS.get(q).map_or("no_such_question", |q| q.id);
                let value = input(data, &mut at);
                let (before, n, asked) = (iv.answers().clone(), iv.answered(), asked_mask(&iv));
                match iv.answer(id, &value) {
                    Err(e) => {
                        assert_eq!(iv.answers(), &before, "{e}");
                        assert_eq!(iv.answered(), n);
                        assert_eq!(asked_mask(&iv), asked);
                        assert!(e.message.contains(id.chars().take(10).collect::<String>().as_str()));
                    }
                    Ok(()) => {
                        // Back takes the answer back exactly: every finding it
                        // changed (follow-ups it made irrelevant too) and what
                        // had been asked.
                        let mut undone = iv.clone();
                        assert!(undone.back());
                        assert_eq!(undone.answers(), &before, "back after {id}");
                        assert_eq!(undone.answered(), n);
                        assert_eq!(asked_mask(&undone), asked);
                    }
                }
            }
            3 => {
                iv.back();
            }
            4 => {
                let r = iv.result();
                if !r.complete {
                    assert_ne!(r.triage, Level::SelfCare);
                }
                let _ = twitch_triage::summary::plain_text(&iv, &r, "112");
            }
            _ => {
                // Follow the interview with "not sure" / empty answers: it ends.
                let mut guard = 0;
                while let Some(q) = iv.next_index() {
                    guard += 1;
                    assert!(guard <= QUESTIONS.len(), "the interview does not end");
                    let v = match QUESTIONS[q].kind {
                        twitch_triage::kb::QuestionKind::Many | twitch_triage::kb::QuestionKind::Checklist => Input::List(vec![]),
                        _ => Input::Null,
                    };
                    if iv.answer(QUESTIONS[q].id, &v).is_err() {
                        break; // only the answer limit can refuse these
                    }
                }
            }
        }
    }
}
