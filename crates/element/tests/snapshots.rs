//! Every screen of the element, in every language, rendered natively (no
//! browser): the [`Plan`] that `view::plan` makes from a [`Model`], written
//! as indented HTML-like text and compared with `tests/snapshots/<screen>.<lang>.txt`.
//! The screens: every question of the knowledge base, a question sent
//! without an answer (the error summary) and one shown again after "Back"
//! for each kind of question, a question under the emergency banner, the
//! result at each level (an interview driven to it), the result reached
//! early, after "Copy" and "Download" succeed or fail, and the frame's
//! variants (what is shared, the number the host set or a region's).
//!
//! Run with `cargo test -p twitch-triage-element --features std --test
//! snapshots` (scripts/test runs it). A missing snapshot is written and the
//! test fails, so that it is read before it is committed; a changed screen
//! fails with the first difference. `UPDATE_SNAPSHOTS=1` rewrites every
//! snapshot (and deletes those no screen makes any more): review the diff.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use twitch_triage::kb::{t, text, FindingKind, Lang, Level, QuestionKind, KB_VERSION, QUESTIONS};
use twitch_triage::{Input, Interview};
use twitch_triage_element::detail::Share;
use twitch_triage_element::dom::{Op, Plan};
use twitch_triage_element::model::{CopyState, Model, Screen};
use twitch_triage_element::view::plan;

#[path = "common/packs.rs"]
mod packs;

/// The device's date on the printed summary (the browser asks `Date`).
const TODAY: &str = "[today]";

// ---------------------------------------------------------------------------
// The plan as text, as the browser's DOM would hold it.

/// An element of the tree [`Plan::build`] would make.
#[derive(Default)]
struct Node {
    tag: &'static str,
    /// In the order set (the class first, as `build` sets it first); setting
    /// an attribute again replaces its value, as `setAttribute` does.
    attrs: Vec<(&'static str, String)>,
    children: Vec<Child>,
}

enum Child {
    Element(Node),
    Text(String),
}

/// Replays the plan's steps as `Plan::build` does with the DOM: `Text` is
/// `textContent`, so it replaces whatever the element held.
fn tree(p: &Plan) -> Node {
    let mut stack = vec![Node::default()];
    for op in p.ops() {
        match op {
            Op::Open(tag, class) => {
                let mut e = Node {
                    tag,
                    ..Node::default()
                };
                if !class.is_empty() {
                    e.attrs.push(("class", class.to_string()));
                }
                stack.push(e);
            }
            Op::Attr(name, value) => {
                let e = stack.last_mut().expect("an element");
                match e.attrs.iter_mut().find(|(n, _)| n == name) {
                    Some(a) => a.1 = value.to_string(),
                    None => e.attrs.push((name, value.to_string())),
                }
            }
            Op::Text(s) => {
                stack.last_mut().expect("an element").children = vec![Child::Text(s.to_string())];
            }
            Op::Close => {
                let e = stack.pop().expect("an open element");
                stack
                    .last_mut()
                    .expect("Close without Open")
                    .children
                    .push(Child::Element(e));
            }
        }
    }
    assert_eq!(stack.len(), 1, "every element the plan opens is closed");
    stack.pop().unwrap()
}

fn escape(s: &str, quote: bool) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quote => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// One line per element, its children indented by two spaces; an element
/// holding only a one-line text is written on one line.
fn write_node(out: &mut String, e: &Node, depth: usize) {
    let pad = "  ".repeat(depth);
    let mut open = format!("<{}", e.tag);
    for (name, value) in &e.attrs {
        if value.is_empty() {
            write!(open, " {name}").unwrap();
        } else {
            write!(open, " {name}=\"{}\"", escape(value, true)).unwrap();
        }
    }
    open.push('>');
    let close = format!("</{}>", e.tag);
    match e.children.as_slice() {
        [] if e.tag == "input" => writeln!(out, "{pad}{open}").unwrap(),
        [] => writeln!(out, "{pad}{open}{close}").unwrap(),
        [Child::Text(s)] if !s.contains('\n') => {
            writeln!(out, "{pad}{open}{}{close}", escape(s, false)).unwrap()
        }
        children => {
            writeln!(out, "{pad}{open}").unwrap();
            for c in children {
                match c {
                    Child::Element(child) => write_node(out, child, depth + 1),
                    Child::Text(s) => {
                        for line in s.lines() {
                            match line {
                                "" => writeln!(out).unwrap(),
                                _ => writeln!(out, "{pad}  {}", escape(line, false)).unwrap(),
                            }
                        }
                    }
                }
            }
            writeln!(out, "{pad}{close}").unwrap();
        }
    }
}

/// The plan as text. The questionnaire's version (a digest of `kb/`, on
/// the printed summary) is written `[kb version]`: a change to the
/// knowledge base changes a screen only where it changes what it says.
fn to_text(p: &Plan) -> String {
    let mut out = String::new();
    for c in tree(p).children {
        match c {
            Child::Element(e) => write_node(&mut out, &e, 0),
            Child::Text(_) => panic!("text outside an element"),
        }
    }
    out.replace(KB_VERSION, "[kb version]")
}

// ---------------------------------------------------------------------------
// The screens.

/// A person, as the vignettes give one (`tests/vignettes/`): the findings
/// that are not "no" or "none"; the interview asks, the person answers.
fn interview(lang: Lang, person: Value) -> Interview {
    let mut iv = Interview::new(lang);
    let get = |id: &str| person.get(id);
    let mut asked = 0;
    while let Some(q) = iv.next_index() {
        asked += 1;
        assert!(asked <= QUESTIONS.len(), "the interview stops");
        let def = &QUESTIONS[q];
        let answer = match def.finding {
            None => Input::List(
                def.options
                    .iter()
                    .filter(|f| get(f.id()) == Some(&Value::Bool(true)))
                    .map(|f| Input::Text(f.id().into()))
                    .collect(),
            ),
            Some(f) => match (get(f.id()), f.def().kind) {
                (Some(v), _) => serde_json::from_value(v.clone()).unwrap(),
                (None, FindingKind::Bool) => Input::Bool(false),
                (None, FindingKind::Set) => Input::List(vec![]),
                (None, _) => Input::Null,
            },
        };
        iv.answer(def.id, &answer).unwrap();
    }
    iv
}

/// The people whose interviews end at each level (the vignettes dev-11,
/// dev-06, dev-17 and dev-01).
fn person(level: Level) -> Value {
    match level {
        Level::Emergency => json!({
            "age": 38, "body_areas": ["leg_or_foot"], "distribution": "several_spots",
            "movement": "jerk", "duration": "hours", "medicines": ["antidepressant"],
            "medicine_changed": true, "agitated": true, "sweating_hot": true,
        }),
        Level::Urgent => json!({
            "age": 52, "body_areas": ["arm_or_hand", "leg_or_foot"], "distribution": "several_spots",
            "movement": "flicker", "duration": "months", "course": "worsening",
            "weakness": true, "weakness_worsening": true, "muscle_wasting": true,
        }),
        Level::Routine => json!({
            "age": 26, "body_areas": ["eyelid", "arm_or_hand", "leg_or_foot"],
            "distribution": "several_spots", "movement": "flicker", "duration": "weeks",
            "stress_anxiety": true, "poor_sleep": true, "stimulants": true,
        }),
        Level::SelfCare => json!({
            "age": 28, "body_areas": ["leg_or_foot"], "distribution": "one_spot",
            "movement": "flicker", "when": ["after_exercise"], "duration": "hours",
            "recent_intense_exercise": true, "dehydrated": true,
        }),
    }
}

fn result(lang: Lang, level: Level) -> Model {
    let mut m = Model::new(lang);
    m.interview = interview(lang, person(level));
    assert_eq!(m.interview.result().triage, level, "{}", level.id());
    m.screen = Screen::Result;
    m
}

/// Question `q` on its own screen: the first question of a new interview,
/// any other after "None of these" to the first (so with "Back").
fn question(lang: Lang, q: usize) -> Model {
    let mut m = Model::new(lang);
    let Screen::Question(first) = m.screen else {
        panic!("an interview starts with a question")
    };
    if q != first {
        m.interview
            .answer(QUESTIONS[first].id, &Input::List(vec![]))
            .unwrap();
        m.screen = Screen::Question(q);
    }
    m
}

/// The first question of each kind, and an answer to it.
fn one_of_each_kind() -> Vec<(usize, Input)> {
    QuestionKind::ALL
        .into_iter()
        .map(|kind| {
            let q = QUESTIONS.iter().position(|d| d.kind == kind).unwrap();
            let def = &QUESTIONS[q];
            let value = |i: usize| Input::Text(def.finding.unwrap().def().values[i].id.into());
            let answer = match kind {
                // "None of these".
                QuestionKind::Checklist => Input::List(vec![]),
                QuestionKind::Number => Input::Number(40.0),
                QuestionKind::Many => Input::List(vec![value(0), value(1)]),
                QuestionKind::One => value(1),
                QuestionKind::YesNo => Input::Bool(true),
            };
            (q, answer)
        })
        .collect()
}

/// A change to a model: a variant of a screen.
type Change = fn(&mut Model);

/// Every screen in `lang`, by name.
fn screens(lang: Lang) -> Vec<(String, Model)> {
    let mut out = Vec::new();
    for (q, def) in QUESTIONS.iter().enumerate() {
        out.push((format!("question.{}", def.id), question(lang, q)));
    }
    for (q, answer) in one_of_each_kind() {
        let id = QUESTIONS[q].id;
        // "Continue" with nothing chosen; an age out of range stays typed.
        let mut m = question(lang, q);
        m.error = true;
        if QUESTIONS[q].kind == QuestionKind::Number {
            m.typed = "250".into();
        }
        out.push((format!("error.{id}"), m));
        // Back to an answered question: its answer is chosen again.
        let mut m = question(lang, q);
        m.last[q] = Some(answer);
        out.push((format!("answered.{id}"), m));
    }
    // An emergency sign: the banner over the questions that remain, and
    // "See my result now".
    let m = emergency_sign(lang);
    assert!(matches!(m.screen, Screen::Question(_)));
    out.push(("question.during-emergency".into(), m));
    let mut m = emergency_sign(lang);
    m.screen = Screen::Result;
    out.push(("result.early".into(), m));

    for level in Level::ALL {
        out.push((format!("result.{}", level.id()), result(lang, level)));
    }
    // An emergency led by a cause an urgent rule names (rule C1,
    // `yields_to`: the seventh story set's t7-38, shaking with chills at 75
    // after a night of not passing urine): the emergency's own cause, the
    // nerve root, is shown second whatever its score.
    let mut m = Model::new(lang);
    m.interview = interview(
        lang,
        json!({
            "age": 75, "bladder_bowel_or_saddle": true,
            "body_areas": ["face", "arm_or_hand", "leg_or_foot", "trunk"],
            "distribution": "whole_body", "movement": "shaking", "duration": "hours",
            "when": ["at_rest", "any_time"],
        }),
    );
    assert!(m.interview.result().second_is_the_emergency());
    m.screen = Screen::Result;
    out.push(("result.emergency-yields".into(), m));
    let variants: [(&str, Change); 5] = [
        ("result.copied", |m| m.copy = CopyState::Done),
        ("result.copy-failed", |m| m.copy = CopyState::Failed),
        ("result.download-failed", |m| m.download_failed = true),
        ("shared.result", |m| m.share = Share::Result),
        ("shared.answers", |m| m.share = Share::Answers),
    ];
    for (name, change) in variants {
        let mut m = result(lang, Level::Routine);
        change(&mut m);
        out.push((name.into(), m));
    }
    // The number the host set (no note), and a region's (its note).
    let mut m = result(lang, Level::Emergency);
    (m.number, m.number_note) = ("999".into(), None);
    out.push(("number.host".into(), m));
    let mut m = result(lang, Level::Emergency);
    (m.number, m.number_note) = ("911".into(), Some(t::EMERGENCY_NOTE_REGION));
    out.push(("number.region".into(), m));
    out
}

/// Chest pain, the first answer: an emergency, with questions to come.
fn emergency_sign(lang: Lang) -> Model {
    let mut m = Model::new(lang);
    let signs = Input::List(vec![Input::Text("chest_pain".into())]);
    m.interview.answer("emergency_signs", &signs).unwrap();
    m.screen = Screen::next(&m.interview);
    m
}

// ---------------------------------------------------------------------------
// The snapshots.

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

/// What differs: the first line that does, with its number.
fn first_difference(expected: &str, actual: &str) -> String {
    let (mut e, mut a) = (expected.lines(), actual.lines());
    for n in 1.. {
        match (e.next(), a.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (None, None) => break,
            (x, y) => {
                return format!(
                    "line {n}:\n    snapshot: {}\n    now:      {}",
                    x.unwrap_or("(end)"),
                    y.unwrap_or("(end)")
                )
            }
        }
    }
    "the same lines, not the same end of file".into()
}

#[test]
fn every_screen_in_every_language() {
    packs::install_packs();
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1");
    let mut made: BTreeMap<String, String> = BTreeMap::new();
    for lang in Lang::ALL {
        assert!(!text(lang, t::CONTINUE).is_empty(), "{lang:?}'s texts");
        for (name, model) in screens(lang) {
            let file = format!("{name}.{}.txt", lang.code());
            let before = made.insert(file.clone(), to_text(&plan(&model, TODAY)));
            assert!(before.is_none(), "two screens named {file}");
        }
    }
    let dir = dir();
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    for (file, now) in &made {
        let path = dir.join(file);
        match std::fs::read_to_string(&path) {
            Ok(kept) if kept == *now => {}
            Ok(kept) if !update => {
                failures.push(format!("{file} changed, {}", first_difference(&kept, now)))
            }
            Err(_) if !update => {
                std::fs::write(&path, now).unwrap();
                failures.push(format!("{file} is new: written, read it and commit it"));
            }
            _ => std::fs::write(&path, now).unwrap(),
        }
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !made.contains_key(&file) {
            if update {
                std::fs::remove_file(dir.join(&file)).unwrap();
            } else {
                failures.push(format!("{file}: no screen makes it any more"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} snapshots in {} do not match the screens:\n{}\n\nIf the change is \
         meant, accept it with UPDATE_SNAPSHOTS=1 cargo test -p twitch-triage-element \
         --features std --test snapshots, and review the diff before committing.",
        failures.len(),
        made.len(),
        dir.display(),
        failures.join("\n")
    );
}
