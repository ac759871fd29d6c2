//! A `QuestionnaireResponse` (or the `Bundle` holding one) read back into
//! answers, checked as `classify` checks them; its result is never read.

use alloc::{format, string::String, vec::Vec};
use serde_json::Value as J;

use super::*;
use crate::error::{Error, ErrorKind};
use crate::findings::{Findings, Input, InputMap, MAX_LIST};
use crate::kb::{FindingKind, QuestionKind, QUESTIONS};

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
