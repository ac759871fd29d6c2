//! The knowledge base as a FHIR R4 `Questionnaire` (see the module's header).

use alloc::{format, string::String, vec, vec::Vec};
use serde_json::{json, Map, Value as J};

use super::*;
use crate::kb::{export_text, x, Cond, FindingKind, FINDING_SNOMED, KB_VERSION, QUESTIONS};

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
            it.insert("answerOption".into(), value_codings(answers));
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
            it.insert(
                "answerOption".into(),
                value_codings(values().chain([not_sure()])),
            );
        }
        FindingKind::Set => {
            it.insert("type".into(), "choice".into());
            it.insert("repeats".into(), true.into());
            let none = value_coding(f, NONE, lang);
            it.insert(
                "answerOption".into(),
                value_codings(values().chain([none, not_sure()])),
            );
        }
    }
    it
}

fn assessment_items(lang: Lang) -> J {
    let ex = |id| export_text(lang, id);
    let choice = |link: &str, title: &str, repeats: bool, opts: J| {
        let mut it = Map::new();
        it.insert("linkId".into(), format!("{ASSESSMENT}.{link}").into());
        it.insert("text".into(), title.into());
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
        "text": ex(x::ASSESSMENT),
        "type": "group",
        "readOnly": true,
        "item": [
            choice("level", ex(x::LEVEL), false,
                value_codings(Level::ALL.iter().map(|&l| level_coding(l, lang)))),
            choice("rules", ex(x::RULES), true,
                value_codings((0..RULES.len()).map(|i| rule_coding(i, lang)))),
            choice("explanations", ex(x::EXPLANATIONS), true,
                value_codings((0..EXPLANATIONS.len()).map(|i| explanation_coding(i, lang)))),
            choice("unanswered", text(lang, t::OPEN_QUESTIONS), true,
                value_codings(FindingId::all().map(|f| finding_coding(f, lang)))),
            { "linkId": format!("{ASSESSMENT}.disclaimer"), "type": "display",
              "text": text(lang, t::DISCLAIMER) }
        ]
    })
}

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
        "title": export_text(lang, x::QUESTIONNAIRE_TITLE),
        "status": "active",
        "subjectType": ["Patient"],
        "description": text(lang, t::DISCLAIMER),
        "item": items
    })
}
