//! Reading the answer on a question's form (its options are numbered by
//! place: `choices` maps them back to answers).

use alloc::{
    string::{String, ToString},
    vec,
    vec::Vec,
};

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, ShadowRoot};

use crate::dom::Res;
use crate::lifecycle::State;
use crate::view_question::choices;
use twitch_triage::findings::typed_whole_number;
use twitch_triage::kb::{FindingKind, Lang, QuestionKind, QUESTIONS};
use twitch_triage::Input;

/// The text in the question's number field ("" when the question has none).
pub(crate) fn field_text(root: &ShadowRoot) -> Res<String> {
    Ok(root
        .query_selector("input.number")?
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default())
}

/// The answer on question `q`'s form (see [`read_answer`]), keeping the
/// number field's text in `s.typed`.
pub(crate) fn form_answer(s: &mut State, q: usize) -> Res<Option<Input>> {
    s.model.typed = field_text(&s.root)?;
    read_answer(&s.root, q, &s.model.typed, s.model.interview.lang())
}

/// The answer on the form, or `None` when nothing valid was given
/// (`typed`: the number field's text, see [`field_text`]).
pub(crate) fn read_answer(
    root: &ShadowRoot,
    q: usize,
    typed: &str,
    lang: Lang,
) -> Res<Option<Input>> {
    let def = &QUESTIONS[q];
    // The ticked options' answers, from their places (see `option`); "none"
    // for "None of these". A place that is not one is left out.
    let items = choices(q, lang);
    let multiple = matches!(def.kind, QuestionKind::Many | QuestionKind::Checklist);
    let checked = |sel: &str| -> Res<Vec<String>> {
        let list = root.query_selector_all(sel)?;
        Ok((0..list.length())
            .filter_map(|i| {
                list.get(i)
                    .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
            })
            .filter_map(|i| {
                let place = typed_whole_number(&i.value())? as usize;
                match items.get(place) {
                    Some(c) => Some(c.0),
                    None if multiple && place == items.len() => Some("none"),
                    None => None,
                }
                .map(String::from)
            })
            .collect())
    };
    Ok(match def.kind {
        QuestionKind::Number => {
            let max = match def.finding.map(|f| f.def().kind) {
                Some(FindingKind::Int { max, .. }) => max as u32,
                _ => 0,
            };
            typed_whole_number(typed)
                .filter(|n| *n <= max)
                .map(|n| Input::Number(n as f64))
        }
        QuestionKind::One | QuestionKind::YesNo => checked("input[type=radio]:checked")?
            .first()
            .map(|v| match v.as_str() {
                "?" => Input::Null,
                "yes" => Input::Bool(true),
                "no" => Input::Bool(false),
                other => Input::Text(other.to_string()),
            }),
        QuestionKind::Many | QuestionKind::Checklist => {
            let values = checked("input[type=checkbox]:checked")?;
            if values.iter().any(|v| v == "none") {
                Some(Input::List(vec![]))
            } else if values.is_empty() {
                None
            } else {
                Some(Input::List(values.into_iter().map(Input::Text).collect()))
            }
        }
    })
}
