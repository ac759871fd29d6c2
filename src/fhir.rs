//! FHIR R4 export, made on the device (feature `fhir`): the knowledge base as
//! a `Questionnaire`, one person's answers and result as a
//! `QuestionnaireResponse` to it, both in a `Bundle` (the file "Download for
//! your doctor" saves), and a response read back into answers.
//!
//! The shape, documented for integrators in docs/FHIR.md:
//!
//! - Each question is an item whose `linkId` is its finding's id (a checklist
//!   is a `group` whose `linkId` is the question's id, with one item per
//!   finding). Yes/no findings are `choice` items whose options are SNOMED
//!   CT's Yes, No and Unknown ("not sure"); one-of and set findings are
//!   `choice` items whose options are the finding's values, coded in the
//!   system `urn:twitch-triage:values:<finding>` (plus `not_sure`, and
//!   `none` for "None of these"); the age is an `integer` in years. A finding
//!   with a well-known SNOMED CT code carries it as the item's `code`.
//! - Follow-up questions carry `enableWhen`, translated from the knowledge
//!   base's `ask_if` conditions.
//! - The result is a read-only group `assessment`, titled as not a
//!   diagnosis: the level, the safety rules that set it, the explanations
//!   (most likely first; SNOMED CT coded where the explanation has a
//!   well-known code), and the questions left open.
//!
//! Reading a response back ([`read`]) gives the answers, which classify to
//! the same result; the `assessment` group is never read (a result is
//! always recomputed from the answers, never trusted from a file).

use alloc::{format, string::String, vec, vec::Vec};
use serde_json::{json, Map, Value as J};

use crate::assess::classify_in;
use crate::error::{Error, ErrorKind};
use crate::findings::{Findings, Input, InputMap, Value, MAX_LIST};
use crate::kb::{
    t, text, Cond, FindingId, FindingKind, Lang, Level, QuestionKind, Snomed, EXPLANATIONS,
    EXPLANATION_SNOMED, FINDING_SNOMED, KB_VERSION, QUESTIONS, RULES, SNOMED_CHECKED,
};
use crate::rules::FindingSet;

/// The Questionnaire's canonical URL (a name, not an address: nothing is
/// fetched from it). A response refers to it as `<url>|<version>`.
pub const QUESTIONNAIRE_URL: &str = "urn:twitch-triage:questionnaire";
/// The code systems of the values, levels, rules, explanations and findings.
pub const VALUES_SYSTEM: &str = "urn:twitch-triage:values:";
pub const LEVELS_SYSTEM: &str = "urn:twitch-triage:levels";
pub const RULES_SYSTEM: &str = "urn:twitch-triage:rules";
pub const EXPLANATIONS_SYSTEM: &str = "urn:twitch-triage:explanations";
pub const FINDINGS_SYSTEM: &str = "urn:twitch-triage:findings";
pub const SNOMED_SYSTEM: &str = "http://snomed.info/sct";
/// The `linkId` of the result's group, and of its items (`assessment.level`...).
pub const ASSESSMENT: &str = "assessment";
/// The codes of "Not sure" and "None of these" among a finding's values.
pub const NOT_SURE: &str = "not_sure";
pub const NONE: &str = "none";
/// SNOMED CT's Yes, No and Unknown (qualifier values): a yes/no finding's
/// answers ("Not sure" is Unknown).
pub const YES: &str = "373066001";
pub const NO: &str = "373067005";
pub const UNKNOWN: &str = "261665006";

/// The longest FHIR text [`read_json`] parses (a response with every answer
/// is about 20 KB).
pub const MAX_JSON: usize = 1 << 20;
/// At most this many items at one level of a response, and this deep.
const MAX_ITEMS: usize = 128;
const MAX_DEPTH: usize = 3;

/// A checked SNOMED CT concept (kb/sources.toml lists where each was checked).
fn snomed(code: &str) -> Snomed {
    *SNOMED_CHECKED
        .iter()
        .find(|s| s.code == code)
        .expect("a code checked in kb/sources.toml (tests/fhir.rs)")
}

fn coding(system: &str, code: &str, display: &str) -> J {
    json!({ "system": system, "code": code, "display": display })
}

fn snomed_coding(s: Snomed) -> J {
    coding(SNOMED_SYSTEM, s.code, s.display)
}

fn options(codings: impl IntoIterator<Item = J>) -> J {
    J::Array(
        codings
            .into_iter()
            .map(|c| json!({ "valueCoding": c }))
            .collect(),
    )
}

fn value_coding(f: FindingId, code: &str, lang: Lang) -> J {
    let display = match code {
        NOT_SURE => text(lang, t::ANSWER_NOT_SURE),
        NONE => text(lang, t::NONE_OF_THESE),
        _ => f
            .def()
            .values
            .iter()
            .find(|v| v.id == code)
            .map_or("", |v| text(lang, v.label)),
    };
    coding(&format!("{VALUES_SYSTEM}{}", f.id()), code, display)
}

fn yes_no(answer: Option<bool>) -> J {
    snomed_coding(snomed(match answer {
        Some(true) => YES,
        Some(false) => NO,
        None => UNKNOWN,
    }))
}

fn explanation_coding(i: usize, lang: Lang) -> J {
    let e = &EXPLANATIONS[i];
    match EXPLANATION_SNOMED[i] {
        Some(s) => snomed_coding(s),
        None => coding(EXPLANATIONS_SYSTEM, e.id, text(lang, e.name)),
    }
}

fn level_coding(l: Level, lang: Lang) -> J {
    coding(LEVELS_SYSTEM, l.id(), l.title(lang))
}

fn rule_coding(i: usize, lang: Lang) -> J {
    coding(RULES_SYSTEM, RULES[i].id, text(lang, RULES[i].advice))
}

fn finding_coding(f: FindingId, lang: Lang) -> J {
    coding(FINDINGS_SYSTEM, f.id(), text(lang, f.def().label))
}

// ------------------------------------------------------------ Questionnaire

/// How the `enableWhen` entries of a condition combine.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Combine {
    One,
    Any,
    All,
}

/// `c` (negated if `neg`) as `enableWhen` entries, if FHIR's flat `any` or
/// `all` can say it.
fn enable_when(c: &Cond, neg: bool, out: &mut Vec<J>) -> Option<Combine> {
    let when = |f: &FindingId, op: &str, key: &str, v: J| {
        let mut w = Map::new();
        w.insert("question".into(), f.id().into());
        w.insert("operator".into(), op.into());
        w.insert(key.into(), v);
        J::Object(w)
    };
    let values = |f: &FindingId, mask: u16, out: &mut Vec<J>| {
        let before = out.len();
        for (i, v) in f.def().values.iter().enumerate() {
            if mask & (1 << i) != 0 {
                let op = if neg { "!=" } else { "=" };
                let system = format!("{VALUES_SYSTEM}{}", f.id());
                out.push(when(
                    f,
                    op,
                    "answerCoding",
                    json!({ "system": system, "code": v.id }),
                ));
            }
        }
        match (out.len() - before, neg) {
            (1, _) => Combine::One,
            (_, false) => Combine::Any,
            (_, true) => Combine::All,
        }
    };
    Some(match c {
        Cond::Bool(f) => {
            out.push(when(f, "=", "answerCoding", yes_no(Some(!neg))));
            Combine::One
        }
        Cond::OneIn(f, mask) | Cond::SetAny(f, mask) => values(f, *mask, out),
        Cond::IntLt(f, n) | Cond::IntGe(f, n) => {
            let lt = matches!(c, Cond::IntLt(..)) != neg;
            out.push(when(
                f,
                if lt { "<" } else { ">=" },
                "answerInteger",
                json!(n),
            ));
            Combine::One
        }
        Cond::Not(c) | Cond::Unless(c) => enable_when(c, !neg, out)?,
        Cond::And(cs) | Cond::Or(cs) => {
            // Negated, an `and` is an `or` (De Morgan).
            let all = matches!(c, Cond::And(_)) != neg;
            let want = if all { Combine::All } else { Combine::Any };
            for c in cs.iter() {
                let got = enable_when(c, neg, out)?;
                if got != Combine::One && got != want {
                    return None;
                }
            }
            want
        }
        Cond::SetOnly(..) => return None,
    })
}

/// The `enableWhen` and `enableBehavior` of a follow-up question, if any.
fn enable(item: &mut Map<String, J>, c: Option<&Cond>) {
    let Some(c) = c else { return };
    let mut when = Vec::new();
    // A condition FHIR cannot say leaves the question always enabled: it is
    // then asked more often than the interview would, never less.
    let Some(combine) = enable_when(c, false, &mut when) else {
        return;
    };
    item.insert("enableWhen".into(), J::Array(when));
    if combine != Combine::One {
        let b = if combine == Combine::All {
            "all"
        } else {
            "any"
        };
        item.insert("enableBehavior".into(), b.into());
    }
}

fn help(link: &str, hint: &str) -> J {
    json!({
        "linkId": format!("{link}.help"),
        "type": "display",
        "text": hint,
        "extension": [{
            "url": "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
            "valueCodeableConcept": { "coding": [{
                "system": "http://hl7.org/fhir/questionnaire-item-control",
                "code": "help",
                "display": "Help-Button"
            }] }
        }]
    })
}

fn finding_item(f: FindingId, label: &str, lang: Lang) -> Map<String, J> {
    let d = f.def();
    let mut it = Map::new();
    it.insert("linkId".into(), f.id().into());
    if let Some(s) = FINDING_SNOMED[f.0 as usize] {
        it.insert("code".into(), json!([snomed_coding(s)]));
    }
    it.insert("text".into(), label.into());
    let values = || d.values.iter().map(|v| value_coding(f, v.id, lang));
    let not_sure = || value_coding(f, NOT_SURE, lang);
    match d.kind {
        FindingKind::Bool => {
            it.insert("type".into(), "choice".into());
            let answers = [Some(true), Some(false), None].map(yes_no);
            it.insert("answerOption".into(), options(answers));
        }
        FindingKind::Int { min, max } => {
            it.insert("type".into(), "integer".into());
            let ext = "http://hl7.org/fhir/StructureDefinition/";
            it.insert(
                "extension".into(),
                json!([
                    { "url": format!("{ext}minValue"), "valueInteger": min },
                    { "url": format!("{ext}maxValue"), "valueInteger": max },
                    { "url": format!("{ext}questionnaire-unit"),
                      "valueCoding": { "system": "http://unitsofmeasure.org", "code": "a", "display": "year" } }
                ]),
            );
        }
        FindingKind::One => {
            it.insert("type".into(), "choice".into());
            it.insert("answerOption".into(), options(values().chain([not_sure()])));
        }
        FindingKind::Set => {
            it.insert("type".into(), "choice".into());
            it.insert("repeats".into(), true.into());
            let none = value_coding(f, NONE, lang);
            it.insert(
                "answerOption".into(),
                options(values().chain([none, not_sure()])),
            );
        }
    }
    it
}

fn assessment_items(lang: Lang) -> J {
    let choice = |link: &str, title: TextIdOf, repeats: bool, opts: J| {
        let mut it = Map::new();
        it.insert("linkId".into(), format!("{ASSESSMENT}.{link}").into());
        it.insert("text".into(), text(lang, title).into());
        it.insert("type".into(), "choice".into());
        if repeats {
            it.insert("repeats".into(), true.into());
        }
        it.insert("readOnly".into(), true.into());
        it.insert("answerOption".into(), opts);
        J::Object(it)
    };
    json!({
        "linkId": ASSESSMENT,
        "text": text(lang, t::FHIR_ASSESSMENT),
        "type": "group",
        "readOnly": true,
        "item": [
            choice("level", t::FHIR_LEVEL, false,
                options(Level::ALL.iter().map(|&l| level_coding(l, lang)))),
            choice("rules", t::FHIR_RULES, true,
                options((0..RULES.len()).map(|i| rule_coding(i, lang)))),
            choice("explanations", t::FHIR_EXPLANATIONS, true,
                options((0..EXPLANATIONS.len()).map(|i| explanation_coding(i, lang)))),
            choice("unanswered", t::OPEN_QUESTIONS, true,
                options(FindingId::all().map(|f| finding_coding(f, lang)))),
            { "linkId": format!("{ASSESSMENT}.disclaimer"), "type": "display",
              "text": text(lang, t::DISCLAIMER) }
        ]
    })
}

type TextIdOf = crate::kb::TextId;

/// The knowledge base as a FHIR R4 `Questionnaire`, with texts in `lang`.
pub fn questionnaire(lang: Lang) -> J {
    let mut items = Vec::with_capacity(QUESTIONS.len() + 1);
    for q in QUESTIONS.iter() {
        let qtext = text(lang, q.text);
        let mut it = match q.finding {
            Some(f) => finding_item(f, qtext, lang),
            None => {
                let children: Vec<J> = q
                    .options
                    .iter()
                    .map(|&f| J::Object(finding_item(f, text(lang, f.def().label), lang)))
                    .collect();
                let mut g = Map::new();
                g.insert("linkId".into(), q.id.into());
                g.insert("text".into(), qtext.into());
                g.insert("type".into(), "group".into());
                g.insert("item".into(), J::Array(children));
                g
            }
        };
        enable(&mut it, q.ask_if);
        if let Some(h) = q.hint {
            let link = it["linkId"].as_str().unwrap_or_default().to_owned();
            let help = help(&link, text(lang, h));
            match it.get_mut("item").and_then(J::as_array_mut) {
                Some(children) => children.push(help),
                None => {
                    it.insert("item".into(), J::Array(vec![help]));
                }
            }
        }
        items.push(J::Object(it));
    }
    items.push(assessment_items(lang));
    json!({
        "resourceType": "Questionnaire",
        "id": "twitch-triage",
        "language": lang.code(),
        "url": QUESTIONNAIRE_URL,
        "version": KB_VERSION,
        "name": "TwitchTriage",
        "title": text(lang, t::QUESTIONNAIRE_TITLE),
        "status": "active",
        "subjectType": ["Patient"],
        "description": text(lang, t::DISCLAIMER),
        "item": items
    })
}

// ------------------------------------------------------------ QuestionnaireResponse

/// The answers to `f` as FHIR answers: its value, or "not sure" when it is
/// unknown and in `unsure`; `None` when there is nothing to say.
fn answers(fs: &Findings, f: FindingId, unsure: FindingSet, lang: Lang) -> Option<Vec<J>> {
    let coded = |c: J| vec![json!({ "valueCoding": c })];
    Some(match (fs.get(f), f.def().kind) {
        (Value::Bool(b), _) => coded(yes_no(Some(b))),
        (Value::Int(n), _) => vec![json!({ "valueInteger": n })],
        (Value::One(i), _) => coded(value_coding(f, f.def().values[i as usize].id, lang)),
        (Value::Set(0), _) => coded(value_coding(f, NONE, lang)),
        (Value::Set(_), _) => fs
            .set_members(f)
            .map(|m| json!({ "valueCoding": value_coding(f, m, lang) }))
            .collect(),
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
    let answer = |cs: Vec<J>| -> Vec<J> {
        cs.into_iter()
            .map(|c| json!({ "valueCoding": c }))
            .collect()
    };
    let mut result = vec![json!({
        "linkId": format!("{ASSESSMENT}.level"),
        "text": text(lang, t::FHIR_LEVEL),
        "answer": answer(vec![level_coding(r.triage, lang)])
    })];
    let rules: Vec<J> = r
        .rules
        .iter()
        .filter_map(|x| RULES.iter().position(|d| d.id == x.id))
        .map(|i| rule_coding(i, lang))
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
        ("rules", t::FHIR_RULES, rules),
        ("explanations", t::FHIR_EXPLANATIONS, explanations),
        ("unanswered", t::OPEN_QUESTIONS, open),
    ] {
        if !list.is_empty() {
            result.push(json!({
                "linkId": format!("{ASSESSMENT}.{link}"),
                "text": text(lang, title),
                "answer": answer(list)
            }));
        }
    }
    items.push(json!({
        "linkId": ASSESSMENT,
        "text": text(lang, t::FHIR_ASSESSMENT),
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

// ------------------------------------------------------------ reading back

fn not_a_response(key: &str, expected: &str) -> Error {
    Error::new(ErrorKind::NotAResponse, key, expected)
}

/// Reads the answers back from a `QuestionnaireResponse` to twitch-triage's
/// Questionnaire (of any version), or from a `Bundle` holding one (the
/// downloaded file). The result group is not read: classify the answers.
pub fn read(v: &J) -> Result<InputMap, Error> {
    let kind = v.get("resourceType").and_then(J::as_str);
    let qr = match kind {
        Some("QuestionnaireResponse") => v,
        Some("Bundle") => {
            let mut found = v
                .get("entry")
                .and_then(J::as_array)
                .into_iter()
                .flatten()
                .take(MAX_ITEMS)
                .filter_map(|e| e.get("resource"))
                .filter(|r| r.get("resourceType").and_then(J::as_str) == Some("QuestionnaireResponse"));
            match (found.next(), found.next()) {
                (Some(r), None) => r,
                _ => {
                    return Err(not_a_response(
                        "entry",
                        "a Bundle with exactly one QuestionnaireResponse",
                    ))
                }
            }
        }
        _ => {
            return Err(not_a_response(
                "resourceType",
                "a FHIR QuestionnaireResponse (resourceType \"QuestionnaireResponse\"), or a Bundle holding one",
            ))
        }
    };
    let of_ours = qr
        .get("questionnaire")
        .and_then(J::as_str)
        .and_then(|q| q.strip_prefix(QUESTIONNAIRE_URL))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('|'));
    if !of_ours {
        return Err(not_a_response(
            "questionnaire",
            "a response to twitch-triage's Questionnaire (\"urn:twitch-triage:questionnaire|<version>\")",
        ));
    }
    let mut map = InputMap::default();
    read_items(qr.get("item"), 0, &mut map)?;
    // Every answer checked as classify checks it (a value the finding does
    // not have, an age out of range, a finding twice).
    Findings::from_map(&map)?;
    Ok(map)
}

fn read_items(items: Option<&J>, depth: usize, map: &mut InputMap) -> Result<(), Error> {
    let Some(items) = items else { return Ok(()) };
    let items = items
        .as_array()
        .filter(|a| a.len() <= MAX_ITEMS && depth < MAX_DEPTH)
        .ok_or_else(|| {
            not_a_response("item", "a list of at most 128 items, nested at most 3 deep")
        })?;
    for item in items {
        let link = item
            .get("linkId")
            .and_then(J::as_str)
            .ok_or_else(|| not_a_response("linkId", "every item to have a linkId"))?;
        if link == ASSESSMENT {
            continue;
        }
        match FindingId::by_name(link) {
            Some(f) => {
                let input = read_answer(f, item.get("answer"))?;
                map.entries.push((f.id().into(), input));
                map.total += 1;
            }
            None if QUESTIONS
                .iter()
                .any(|q| q.id == link && q.kind == QuestionKind::Checklist) =>
            {
                read_items(item.get("item"), depth + 1, map)?
            }
            None => {
                return Err(Error::new(
                    ErrorKind::UnknownFinding,
                    link,
                    "a linkId of twitch-triage's Questionnaire (a finding's or a checklist's id)",
                ))
            }
        }
    }
    Ok(())
}

fn read_answer(f: FindingId, answer: Option<&J>) -> Result<Input, Error> {
    let d = f.def();
    let list = answer
        .and_then(J::as_array)
        .filter(|a| !a.is_empty() && a.len() <= MAX_LIST)
        .ok_or_else(|| Error::new(ErrorKind::WrongAnswerShape, f.id(), "one to 32 answers"))?;
    let wrong = |expected: &str| Error::new(ErrorKind::UnknownValue, f.id(), expected);
    let code_of = |a: &J, system: &str| -> Option<String> {
        let c = a.get("valueCoding")?;
        (c.get("system")?.as_str()? == system).then(|| c.get("code")?.as_str().map(String::from))?
    };
    let values = format!("{VALUES_SYSTEM}{}", f.id());
    if let FindingKind::Int { .. } = d.kind {
        return match (list.len(), list[0].get("valueInteger").and_then(J::as_i64)) {
            (1, Some(n)) => Ok(Input::Number(n as f64)),
            _ => Err(Error::new(ErrorKind::WrongType, f.id(), "one valueInteger")),
        };
    }
    let codes = list
        .iter()
        .map(|a| match d.kind {
            FindingKind::Bool => code_of(a, SNOMED_SYSTEM),
            _ => code_of(a, &values),
        })
        .collect::<Option<Vec<String>>>()
        .ok_or_else(|| match d.kind {
            FindingKind::Bool => wrong("a valueCoding of SNOMED CT Yes (373066001), No (373067005) or Unknown (261665006)"),
            _ => wrong("valueCodings in the finding's own code system (urn:twitch-triage:values:<finding>)"),
        })?;
    let one = |codes: &[String]| -> Result<String, Error> {
        match codes {
            [c] => Ok(c.clone()),
            _ => Err(Error::new(
                ErrorKind::WrongAnswerShape,
                f.id(),
                "one answer",
            )),
        }
    };
    Ok(match d.kind {
        FindingKind::Bool => match one(&codes)?.as_str() {
            YES => Input::Bool(true),
            NO => Input::Bool(false),
            UNKNOWN => Input::Null,
            _ => {
                return Err(wrong(
                    "SNOMED CT Yes (373066001), No (373067005) or Unknown (261665006)",
                ))
            }
        },
        FindingKind::One => match one(&codes)?.as_str() {
            NOT_SURE => Input::Null,
            c => Input::Text(c.into()),
        },
        _ => match codes.as_slice() {
            [c] if c == NOT_SURE => Input::Null,
            [c] if c == NONE => Input::List(Vec::new()),
            _ => Input::List(codes.into_iter().map(Input::Text).collect()),
        },
    })
}

/// [`read`] from JSON text (at most [`MAX_JSON`] bytes).
pub fn read_json(s: &str) -> Result<InputMap, Error> {
    if s.len() > MAX_JSON {
        return Err(Error::new(
            ErrorKind::TooLarge,
            "fhir",
            "at most 1 MB of FHIR JSON",
        ));
    }
    let v: J = serde_json::from_str(s)
        .map_err(|_| not_a_response("fhir", "FHIR JSON (the text did not parse as JSON)"))?;
    read(&v)
}
