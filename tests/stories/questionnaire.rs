//! The questionnaire as the product shows it, printed for a person who
//! answers the lay stories (`cargo run --example questionnaire -- en`), and
//! read back by the harness (`tests/stories.rs`).
//!
//! Options are shown by letter, so that an answerer picks a label, never a
//! finding id. The letters follow the order of the options on screen; the
//! printout's digest is written on each answer sheet, and the harness
//! refuses a sheet whose digest is not today's: when a question, an option
//! or its order changes, the stories must be answered again.

use twitch_triage::interview::Question;
use twitch_triage::kb::{text, Lang, QuestionKind, QUESTIONS};
use twitch_triage::Input;

/// `a`, `b`, ... for option `i`.
pub fn letter(i: usize) -> char {
    (b'a' + i as u8) as char
}

/// The screen's words around the questions, from the product's own texts.
fn ui(lang: Lang, name: &str) -> &'static str {
    use twitch_triage::kb::t;
    let id = match name {
        "yes" => t::ANSWER_YES,
        "no" => t::ANSWER_NO,
        "not_sure" => t::ANSWER_NOT_SURE,
        "none" => t::NONE_OF_THESE,
        _ => unreachable!(),
    };
    text(lang, id)
}

/// The whole questionnaire in `lang`, as text.
pub fn render(lang: Lang) -> String {
    let mut out = String::new();
    for i in 0..QUESTIONS.len() {
        let q = Question::new(i, lang);
        out.push_str(&format!("\n## {}\n{}\n", q.id, q.text));
        if let Some(h) = q.hint {
            out.push_str(&format!("({h})\n"));
        }
        let options = q.options.as_deref().unwrap_or(&[]);
        match q.kind {
            QuestionKind::One => {
                out.push_str("Choose one:\n");
                for (k, o) in options.iter().enumerate() {
                    out.push_str(&format!("  {}) {}\n", letter(k), o.label));
                }
                out.push_str(&format!("  ?) {}\n", ui(lang, "not_sure")));
            }
            QuestionKind::Many | QuestionKind::Checklist => {
                out.push_str("Tick any:\n");
                for (k, o) in options.iter().enumerate() {
                    out.push_str(&format!("  [{}] {}\n", letter(k), o.label));
                }
                out.push_str(&format!("  or [ ] {} (an empty list)\n", ui(lang, "none")));
            }
            QuestionKind::YesNo => out.push_str(&format!(
                "Choose one:\n  yes) {}\n  no) {}\n  ?) {}\n",
                ui(lang, "yes"),
                ui(lang, "no"),
                ui(lang, "not_sure")
            )),
            QuestionKind::Number => out.push_str("Write a whole number, or ? if not sure.\n"),
        }
    }
    out
}

/// FNV-1a of the printout: what a sheet was answered against.
pub fn digest(lang: Lang) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in render(lang).bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// A sheet's answer to question `index` as the interview takes it.
pub fn to_input(index: usize, answer: &serde_json::Value) -> Result<Input, String> {
    use serde_json::Value as J;
    let q = Question::new(index, Lang::En);
    let options = q.options.as_deref().unwrap_or(&[]);
    let by_letter = |v: &J| -> Result<Input, String> {
        let s = v.as_str().unwrap_or("");
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_lowercase() => options
                .get((c as u8 - b'a') as usize)
                .map(|o| Input::Text(o.value.into()))
                .ok_or_else(|| format!("{}: no option {s:?}", q.id)),
            _ => Err(format!("{}: expected an option letter, not {v}", q.id)),
        }
    };
    match (q.kind, answer) {
        (_, J::String(s))
            if s == "?" && !matches!(q.kind, QuestionKind::Many | QuestionKind::Checklist) =>
        {
            Ok(Input::Null)
        }
        (QuestionKind::One, v) => by_letter(v),
        (QuestionKind::Many | QuestionKind::Checklist, J::Array(xs)) => xs
            .iter()
            .map(by_letter)
            .collect::<Result<_, _>>()
            .map(Input::List),
        (QuestionKind::YesNo, J::String(s)) if s == "yes" || s == "no" => {
            Ok(Input::Bool(s == "yes"))
        }
        (QuestionKind::Number, J::Number(n)) => Ok(Input::Number(n.as_f64().unwrap())),
        (_, v) => Err(format!(
            "{}: {v} is not an answer to a {:?} question",
            q.id, q.kind
        )),
    }
}
