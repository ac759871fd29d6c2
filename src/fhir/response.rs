//! One person's answers and result as a FHIR R4 `QuestionnaireResponse`,
//! and both resources in a `Bundle` (see the module's header).

use alloc::{format, vec, vec::Vec};
use serde_json::{json, Value as J};

use super::*;
use crate::assess::classify_in;
use crate::error::{Error, ErrorKind};
use crate::findings::{Findings, Input, InputMap, Value};
use crate::kb::{export_text, x, FindingKind, QuestionKind, KB_VERSION, QUESTIONS};
use crate::rules::FindingSet;

/// The answers to `f` as FHIR answers: its value, or "not sure" when it is
/// unknown and in `unsure`; `None` when there is nothing to say.
fn answers(fs: &Findings, f: FindingId, unsure: FindingSet, lang: Lang) -> Option<J> {
    let coded = |c: J| value_codings([c]);
    Some(match (fs.get(f), f.def().kind) {
        (Value::Bool(b), _) => coded(yes_no(Some(b))),
        (Value::Int(n), _) => json!([{ "valueInteger": n }]),
        (Value::One(i), _) => coded(value_coding(f, f.def().values[i as usize].id, lang)),
        (Value::Set(0), _) => coded(value_coding(f, NONE, lang)),
        (Value::Set(_), _) => value_codings(fs.set_members(f).map(|m| value_coding(f, m, lang))),
        (Value::Unknown, _) if !unsure.contains(f) => return None,
        (Value::Unknown, FindingKind::Int { .. }) => return None,
        (Value::Unknown, FindingKind::Bool) => coded(yes_no(None)),
        (Value::Unknown, _) => coded(value_coding(f, NOT_SURE, lang)),
    })
}

/// Whether `s` is a FHIR `dateTime` (a day, or a day and a time with seconds
/// and a time zone): `2026-12-06` or `2026-12-06T15:30:00.000Z`.
pub fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: core::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let num =
        |r: core::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    if !(digits(0..4) && at(4, b'-') && digits(5..7) && at(7, b'-') && digits(8..10)) {
        return false;
    }
    if !(1..=12).contains(&num(5..7)) || !(1..=31).contains(&num(8..10)) || num(0..4) == 0 {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    if !(at(10, b'T')
        && digits(11..13)
        && at(13, b':')
        && digits(14..16)
        && at(16, b':')
        && digits(17..19))
    {
        return false;
    }
    if num(11..13) > 23 || num(14..16) > 59 || num(17..19) > 60 {
        return false;
    }
    let mut i = 19;
    if at(i, b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match b.get(i) {
        Some(b'Z') => b.len() == i + 1,
        Some(b'+' | b'-') => {
            b.len() == i + 6
                && digits(i + 1..i + 3)
                && at(i + 3, b':')
                && digits(i + 4..i + 6)
                && (num(i + 1..i + 3) < 14 || &b[i + 1..i + 6] == b"14:00")
                && num(i + 4..i + 6) < 60
        }
        _ => false,
    }
}

/// One person's answers and result as a FHIR R4 `QuestionnaireResponse` to
/// [`questionnaire`]: `unsure` holds the findings answered "Not sure";
/// `authored` is when (a FHIR dateTime, the device's clock: the core has
/// none).
pub fn response(
    fs: &Findings,
    unsure: FindingSet,
    lang: Lang,
    authored: Option<&str>,
) -> Result<J, Error> {
    if let Some(a) = authored.filter(|a| !is_date_time(a)) {
        let _ = a;
        return Err(Error::new(
            ErrorKind::WrongType,
            "authored",
            "a date and time such as \"2026-12-06T15:30:00Z\" (FHIR dateTime), or a day such as \"2026-12-06\"",
        ));
    }
    let r = classify_in(fs, lang);
    let mut items = Vec::new();
    for q in QUESTIONS.iter() {
        let qtext = text(lang, q.text);
        let item = |f: FindingId, label: &str| {
            answers(fs, f, unsure, lang)
                .map(|a| json!({ "linkId": f.id(), "text": label, "answer": a }))
        };
        match (q.kind, q.finding) {
            (QuestionKind::Checklist, _) | (_, None) => {
                let children: Vec<J> = q
                    .options
                    .iter()
                    .filter_map(|&f| item(f, text(lang, f.def().label)))
                    .collect();
                if !children.is_empty() {
                    items.push(json!({ "linkId": q.id, "text": qtext, "item": children }));
                }
            }
            (_, Some(f)) => items.extend(item(f, qtext)),
        }
    }
    let mut result = vec![json!({
        "linkId": format!("{ASSESSMENT}.level"),
        "text": export_text(lang, x::LEVEL),
        "answer": value_codings([level_coding(r.triage, lang)])
    })];
    let rules: Vec<J> = r
        .rules
        .iter()
        .map(|x| rule_coding(x.index(), lang))
        .collect();
    let explanations: Vec<J> = r
        .explanations
        .iter()
        .filter_map(|x| EXPLANATIONS.iter().position(|d| d.id == x.id))
        .map(|i| explanation_coding(i, lang))
        .collect();
    let open: Vec<J> = r
        .unanswered
        .iter()
        .filter_map(|id| FindingId::by_name(id))
        .map(|f| finding_coding(f, lang))
        .collect();
    for (link, title, list) in [
        ("rules", export_text(lang, x::RULES), rules),
        (
            "explanations",
            export_text(lang, x::EXPLANATIONS),
            explanations,
        ),
        ("unanswered", text(lang, t::OPEN_QUESTIONS), open),
    ] {
        if !list.is_empty() {
            result.push(json!({
                "linkId": format!("{ASSESSMENT}.{link}"),
                "text": title,
                "answer": value_codings(list)
            }));
        }
    }
    items.push(json!({
        "linkId": ASSESSMENT,
        "text": export_text(lang, x::ASSESSMENT),
        "item": result
    }));
    let mut qr = json!({
        "resourceType": "QuestionnaireResponse",
        "language": lang.code(),
        "questionnaire": format!("{QUESTIONNAIRE_URL}|{KB_VERSION}"),
        "status": if r.complete { "completed" } else { "in-progress" },
    });
    if let Some(a) = authored {
        qr["authored"] = a.into();
    }
    qr["item"] = J::Array(items);
    Ok(qr)
}

/// The answers of an untrusted findings map, and which of them are "Not
/// sure" (`null`).
pub fn read_map(map: &InputMap) -> Result<(Findings, FindingSet), Error> {
    let fs = Findings::from_map(map)?;
    let mut unsure = FindingSet::default();
    for (k, v) in &map.entries {
        if let (Some(f), Input::Null) = (FindingId::by_name(k), v) {
            unsure.insert(f);
        }
    }
    Ok((fs, unsure))
}

/// The `Questionnaire` and the `QuestionnaireResponse` in one FHIR `Bundle`
/// (a `collection`): the file "Download for your doctor" saves.
pub fn bundle(
    fs: &Findings,
    unsure: FindingSet,
    lang: Lang,
    authored: Option<&str>,
) -> Result<J, Error> {
    let qr = response(fs, unsure, lang, authored)?;
    Ok(json!({
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [ { "resource": questionnaire(lang) }, { "resource": qr } ]
    }))
}
