//! Answers and reasons in words, and the plain-text summary a person can
//! copy or print for a doctor. Plain Rust, shared by the element and tests.

use crate::assess::Assessment;
use crate::error::push_num;
use crate::findings::{Findings, Value};
use crate::interview::Interview;
use crate::kb::{
    t, text, ExplanationDef, FindingId, FindingKind, Lang, QuestionKind, TextId, KB_VERSION,
    QUESTIONS,
};
use alloc::string::{String, ToString};

/// Appends `items` to `out`, separated by the language's list separator
/// ("; ", "；"). (One small loop instead of `Vec::join`, which would be
/// compiled once per item type: 1 KB of wasm each.)
pub fn push_joined<S: AsRef<str>>(
    out: &mut String,
    lang: Lang,
    items: impl IntoIterator<Item = S>,
) {
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(text(lang, t::LIST_SEPARATOR));
        }
        out.push_str(item.as_ref());
    }
}

/// `template` with every `{key}` replaced by `value`. (No string slicing by
/// index: that would pull the panic path's Unicode tables into the wasm.)
pub fn fill(template: &str, key: &str, value: &str) -> String {
    let mut out = String::with_capacity(template.len() + value.len());
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        match after.strip_prefix(key).and_then(|r| r.strip_prefix('}')) {
            Some(r) => {
                out.push_str(value);
                rest = r;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// "Label: value", with the language's separator ("Date: …", "日期：…").
pub fn labelled(lang: Lang, label: TextId, value: &str) -> String {
    let mut s = String::from(text(lang, label));
    s.push_str(text(lang, t::LABEL_SEPARATOR));
    s.push_str(value);
    s
}

/// A UI text with `{number}` filled in.
pub fn with_number(lang: Lang, id: TextId, number: &str) -> String {
    fill(text(lang, id), "number", number)
}

fn labels_of(f: FindingId, mask: u16, lang: Lang, out: &mut String) {
    let mut first = true;
    for (i, v) in f.def().values.iter().enumerate() {
        if mask & (1 << i) != 0 {
            if !first {
                out.push_str(text(lang, t::LIST_SEPARATOR));
            }
            first = false;
            out.push_str(text(lang, v.label));
        }
    }
}

/// The value of finding `f` in words ("Eyelid; Tongue", "34 years", "Yes").
pub fn describe_value(f: FindingId, findings: &Findings, lang: Lang) -> String {
    let mut s = String::new();
    match findings.get(f) {
        Value::Unknown => s.push_str(text(lang, t::ANSWER_NOT_SURE)),
        Value::Bool(true) => s.push_str(text(lang, t::ANSWER_YES)),
        Value::Bool(false) => s.push_str(text(lang, t::ANSWER_NO)),
        Value::Int(n) => {
            let mut num = String::new();
            push_num(&mut num, n as u32);
            s.push_str(&fill(text(lang, t::AGE_VALUE), "n", &num));
        }
        Value::One(i) => s.push_str(text(lang, f.def().values[i as usize].label)),
        Value::Set(0) => s.push_str(text(lang, t::NONE_OF_THESE)),
        Value::Set(m) => labels_of(f, m, lang, &mut s),
    }
    s
}

/// A reason (a finding that raised an explanation) in words: a yes/no
/// finding's own statement, or "What it looks like: A brief flicker …".
pub fn describe_reason(f: FindingId, findings: &Findings, lang: Lang) -> String {
    let def = f.def();
    if def.kind == FindingKind::Bool {
        return text(lang, def.label).to_string();
    }
    labelled(lang, def.label, &describe_value(f, findings, lang))
}

/// The answer given to question `q` in words.
pub fn describe_answer(q: usize, findings: &Findings, lang: Lang) -> String {
    let def = &QUESTIONS[q];
    match def.kind {
        QuestionKind::Checklist => {
            let mut s = String::new();
            for f in def
                .options
                .iter()
                .filter(|f| findings.get(**f) == Value::Bool(true))
            {
                if !s.is_empty() {
                    s.push_str(text(lang, t::LIST_SEPARATOR));
                }
                s.push_str(text(lang, f.def().label));
            }
            if s.is_empty() {
                s.push_str(text(lang, t::NONE_OF_THESE));
            }
            s
        }
        _ => def
            .finding
            .map(|f| describe_value(f, findings, lang))
            .unwrap_or_default(),
    }
}

/// The plain-text summary of a finished (or stopped) interview, in its
/// language: the questionnaire's version ([`KB_VERSION`]), the result, what
/// it might be and why, what to do (on an urgent or emergency result, what
/// to do comes before what it might be), what to tell a doctor, every
/// answer given, and what was left open.
pub fn plain_text(iv: &Interview, result: &Assessment, emergency_number: &str) -> String {
    let lang = iv.lang();
    let f = iv.answers();
    let mut s = String::new();
    let line = |s: &mut String, x: &str| {
        s.push_str(x);
        s.push('\n');
    };
    // The language's label separator (": ", "："), and without its space
    // the colon of a heading over a list ("What to do now:", "現在該怎麼做：").
    let sep = text(lang, t::LABEL_SEPARATOR);
    let colon = sep.strip_suffix(' ').unwrap_or(sep);
    line(&mut s, text(lang, t::SUMMARY_TITLE));
    // Which version of the rules and wording gave this result, for a
    // doctor who reads it later (the date is the element's: the core has
    // no clock).
    line(&mut s, &labelled(lang, t::VERSION, KB_VERSION));
    s.push('\n');
    s.push_str(text(lang, t::SUMMARY_RESULT));
    s.push_str(sep);
    s.push_str(result.triage.title(lang));
    s.push_str(text(lang, t::SENTENCE_END));
    line(&mut s, result.triage.action(lang));
    if result.triage == crate::Level::Emergency {
        line(&mut s, &with_number(lang, t::CALL_NOW, emergency_number));
    }
    // An urgent or emergency result says why first: what to do now is the
    // rules' advice, each saying why it sets the level (SAFETY H17); the
    // explanations follow.
    let explanations = |s: &mut String| {
        if let Some(first) = result.explanations.first() {
            s.push('\n');
            s.push_str(text(lang, t::MOST_LIKELY));
            s.push_str(sep);
            line(s, first.name);
            if !first.reasons.is_empty() {
                s.push_str(text(lang, t::WHY));
                s.push_str(sep);
                push_joined(
                    s,
                    lang,
                    first
                        .reasons
                        .iter()
                        .filter_map(|r| FindingId::by_name(r))
                        .map(|r| describe_reason(r, f, lang)),
                );
                s.push('\n');
            }
            if result.explanations.len() > 1 {
                s.push_str(text(lang, t::ALSO_POSSIBLE));
                s.push_str(sep);
                push_joined(s, lang, result.explanations[1..].iter().map(|e| e.name));
                s.push('\n');
            }
        }
    };
    let advice = |s: &mut String| {
        s.push('\n');
        s.push_str(text(lang, t::WHAT_TO_DO));
        line(s, colon);
        for a in &result.advice {
            s.push_str("- ");
            line(s, a);
        }
    };
    if result.triage <= crate::Level::Urgent {
        advice(&mut s);
        explanations(&mut s);
    } else {
        explanations(&mut s);
        advice(&mut s);
    }
    if let Some(first) = result.explanations.first() {
        if let Some(e) = ExplanationDef::by_id(first.id) {
            s.push('\n');
            s.push_str(text(lang, t::TELL_DOCTOR));
            s.push_str(sep);
            line(&mut s, text(lang, e.tell_doctor));
        }
    }
    s.push('\n');
    s.push_str(text(lang, t::YOUR_ANSWERS));
    line(&mut s, colon);
    for q in iv.asked_in_order() {
        s.push_str("- ");
        s.push_str(text(lang, QUESTIONS[q].text));
        s.push(' ');
        line(&mut s, &describe_answer(q, f, lang));
    }
    if !result.unanswered.is_empty() {
        s.push('\n');
        s.push_str(text(lang, t::OPEN_QUESTIONS));
        s.push_str(sep);
        push_joined(
            &mut s,
            lang,
            result
                .unanswered
                .iter()
                .filter_map(|id| FindingId::by_name(id))
                .map(|id| text(lang, id.def().label)),
        );
        s.push('\n');
    }
    s.push('\n');
    line(&mut s, text(lang, t::DISCLAIMER));
    s
}
