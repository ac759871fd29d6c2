//! What the host page learns from the completion event (SAFETY H20), as the
//! JSON text of the event's `detail`. Plain Rust, so that a native test
//! checks it against the core's own serde form of a result and of the
//! answers, and against `js/element.d.ts` (`tests/contracts.rs`).

use alloc::string::String;

use twitch_triage::kb::FindingId;
use twitch_triage::rules::FindingSet;
use twitch_triage::{Assessment, Findings, Value};

/// What the host page learns: nothing unless it asks. Ordered: answers
/// include the result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Share {
    Nothing,
    /// `share-result`: the level and the explanations' ids.
    Result,
    /// `share-answers`, or `shadow-root="open"` (the host's scripts can read
    /// the screen): the answers too.
    Answers,
}

/// `{}` unless the host asked: `{"triage": ..., "explanations": [...]}` with
/// `share-result`, plus `"answers"` with `share-answers`. Every id is plain
/// ASCII. (Written by hand rather than with serde_json: the element's
/// module carries no JSON serialiser.)
pub fn complete_detail(share: Share, r: &Assessment, answers: &Findings) -> String {
    if share == Share::Nothing {
        return "{}".into();
    }
    let mut j = String::from("{\"triage\":\"");
    j.push_str(r.triage.id());
    j.push_str("\",\"explanations\":[");
    for (i, e) in r.explanations.iter().enumerate() {
        if i > 0 {
            j.push(',');
        }
        j.push('"');
        j.push_str(e.id);
        j.push('"');
    }
    j.push(']');
    if share == Share::Answers {
        j.push_str(",\"answers\":");
        answers_json(&mut j, answers, FindingSet::default());
    }
    j.push('}');
    j
}

/// The answers as a JSON object of finding ids to values, in the knowledge
/// base's order, with `null` ("Not sure") for each finding of `unsure` that
/// has no value: the form `classify` takes.
pub fn answers_json(j: &mut String, answers: &Findings, unsure: FindingSet) {
    j.push('{');
    let mut first = true;
    for f in FindingId::all() {
        let v = answers.get(f);
        if v == Value::Unknown && !unsure.contains(f) {
            continue;
        }
        if !first {
            j.push(',');
        }
        first = false;
        j.push('"');
        j.push_str(f.id());
        j.push_str("\":");
        match v {
            Value::Bool(b) => j.push_str(if b { "true" } else { "false" }),
            Value::Int(n) => twitch_triage::error::push_num(j, n as u32),
            Value::One(i) => {
                j.push('"');
                j.push_str(f.def().values[i as usize].id);
                j.push('"');
            }
            Value::Set(_) => {
                j.push('[');
                for (k, m) in answers.set_members(f).enumerate() {
                    if k > 0 {
                        j.push(',');
                    }
                    j.push('"');
                    j.push_str(m);
                    j.push('"');
                }
                j.push(']');
            }
            Value::Unknown => j.push_str("null"),
        }
    }
    j.push('}');
}
