//! A question as shown, and an answer to it checked against the question.

use alloc::{string::String, vec, vec::Vec};
use serde::Serialize;

use crate::error::{push_list, push_num, Error, ErrorKind};
use crate::findings::{value_index, Input, Value};
use crate::kb::{
    text, FindingId, FindingKind, Lang, QuestionDef, QuestionKind, ValueDef, QUESTIONS,
};

/// A question to show, with its texts in the interview's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: &'static str,
    pub kind: QuestionKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding: Option<&'static str>,
    pub text: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<QuestionOption>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuestionOption {
    pub value: &'static str,
    pub label: &'static str,
}

impl Question {
    /// The question `index` of [`QUESTIONS`], with texts in `lang`.
    pub fn new(index: usize, lang: Lang) -> Question {
        let q = &QUESTIONS[index];
        let options = match q.kind {
            QuestionKind::Checklist => Some(
                q.options
                    .iter()
                    .map(|f| QuestionOption {
                        value: f.id(),
                        label: text(lang, f.def().label),
                    })
                    .collect(),
            ),
            QuestionKind::One | QuestionKind::Many => Some(
                values_of(q)
                    .iter()
                    .map(|v| QuestionOption {
                        value: v.id,
                        label: text(lang, v.label),
                    })
                    .collect(),
            ),
            QuestionKind::YesNo | QuestionKind::Number => None,
        };
        Question {
            id: q.id,
            kind: q.kind,
            finding: q.finding.map(FindingId::id),
            text: text(lang, q.text),
            hint: q.hint.map(|h| text(lang, h)),
            options,
        }
    }
}

/// Checks an answer against its question and returns the findings it sets.
pub(super) fn parse_answer(
    q: &'static QuestionDef,
    value: &Input,
) -> Result<Vec<(FindingId, Value)>, Error> {
    let err = |kind| Err(Error::new(kind, q.id, &expected_answer(q)));
    if matches!(value, Input::TooLong) {
        return err(ErrorKind::TooLarge);
    }
    match q.kind {
        QuestionKind::Checklist => {
            let Input::List(items) = value else {
                return err(ErrorKind::WrongAnswerShape);
            };
            let mut ticked = 0u32;
            for it in items {
                let Input::Text(s) = it else {
                    return err(ErrorKind::WrongAnswerShape);
                };
                match q.options.iter().position(|f| f.id() == s) {
                    Some(i) => ticked |= 1 << i,
                    None => return err(ErrorKind::UnknownValue),
                }
            }
            Ok(q.options
                .iter()
                .enumerate()
                .map(|(i, f)| (*f, Value::Bool(ticked & (1 << i) != 0)))
                .collect())
        }
        _ => {
            // build/main.rs gives every other kind of question its finding;
            // an error (not a panic) if a knowledge base ever did not.
            let Some(f) = q.finding else {
                return err(ErrorKind::WrongAnswerShape);
            };
            let def = f.def();
            let v = match (q.kind, value) {
                (QuestionKind::One | QuestionKind::YesNo | QuestionKind::Number, Input::Null) => {
                    Value::Unknown
                }
                (QuestionKind::YesNo, Input::Bool(b)) => Value::Bool(*b),
                (QuestionKind::Number, Input::Number(x)) => match def.kind {
                    FindingKind::Int { min, max }
                        if crate::math::is_whole(*x) && *x >= min as f64 && *x <= max as f64 =>
                    {
                        Value::Int(*x as u8)
                    }
                    _ => return err(ErrorKind::OutOfRange),
                },
                (QuestionKind::One, Input::Text(s)) => match value_index(def, s) {
                    Some(i) => Value::One(i),
                    None => return err(ErrorKind::UnknownValue),
                },
                (QuestionKind::Many, Input::List(items)) => {
                    let mut mask = 0u16;
                    for it in items {
                        let Input::Text(s) = it else {
                            return err(ErrorKind::WrongAnswerShape);
                        };
                        match value_index(def, s) {
                            Some(i) => mask |= 1 << i,
                            None => return err(ErrorKind::UnknownValue),
                        }
                    }
                    Value::Set(mask)
                }
                _ => return err(ErrorKind::WrongAnswerShape),
            };
            Ok(vec![(f, v)])
        }
    }
}

/// The values of the finding a one-of or many question asks (none for others).
pub(super) fn values_of(q: &QuestionDef) -> &'static [ValueDef] {
    q.finding.map_or(&[], |f| f.def().values)
}

/// What a question accepts as an answer, in words.
fn expected_answer(q: &QuestionDef) -> String {
    let mut s = String::new();
    match q.kind {
        QuestionKind::Checklist => {
            s.push_str("a list (possibly empty) of the ticked options among ");
            push_list(&mut s, q.options.iter().map(|f| f.id()));
        }
        QuestionKind::Many => {
            s.push_str("a list (possibly empty) of ");
            push_list(&mut s, values_of(q).iter().map(|v| v.id));
        }
        QuestionKind::One => {
            s.push_str("one of ");
            push_list(&mut s, values_of(q).iter().map(|v| v.id));
            s.push_str(", or null for not sure");
        }
        QuestionKind::YesNo => s.push_str("true, false, or null for not sure"),
        QuestionKind::Number => {
            if let Some(FindingKind::Int { min, max }) = q.finding.map(|f| f.def().kind) {
                s.push_str("a whole number from ");
                push_num(&mut s, min as u32);
                s.push_str(" to ");
                push_num(&mut s, max as u32);
                s.push_str(", or null for not sure");
            }
        }
    }
    s
}
