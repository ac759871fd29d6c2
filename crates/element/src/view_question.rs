//! A question screen (GOV.UK question pages: the question as the heading,
//! a back link, "Continue", an error summary).

use alloc::{string::String, vec, vec::Vec};

use crate::dom::Plan;
use crate::model::Model;
use crate::view::{back_link, level_class, number_text, tel};
use twitch_triage::kb::{t, text, Lang, Level, QuestionKind, QUESTIONS};
use twitch_triage::summary::{fill, with_number};
use twitch_triage::Input;

pub(crate) fn question(p: &mut Plan, m: &Model, q: usize) {
    let lang = m.interview.lang();
    let def = &QUESTIONS[q];
    let answered = m.interview.answered();
    if answered > 0 {
        back_link(p, lang);
    }
    if m.interview.result().triage == Level::Emergency {
        p.open("div", level_class(Level::Emergency))
            .attr("role", "alert")
            .attr("part", "banner");
        p.leaf("p", "", with_number(lang, t::EMERGENCY_DURING, &m.number));
        p.open("a", "call")
            .attr("href", tel(&m.number))
            .text(with_number(lang, t::CALL_NOW, &m.number))
            .close();
        p.action("link", "result", text(lang, t::SEE_RESULT_NOW));
        p.close();
    }
    let error_text = text(
        lang,
        match def.kind {
            QuestionKind::Number => t::ERROR_ENTER_NUMBER,
            QuestionKind::Many | QuestionKind::Checklist => t::ERROR_CHOOSE_MANY,
            _ => t::ERROR_CHOOSE_ONE,
        },
    );
    if m.error {
        p.open("div", "error-summary")
            .attr("role", "alert")
            .attr("tabindex", "-1")
            .attr("data-focus", "")
            .attr("part", "error-summary")
            .attr("aria-labelledby", "error-title");
        p.open("h2", "")
            .attr("id", "error-title")
            .text(text(lang, t::ERROR_TITLE))
            .close();
        p.open("ul", "")
            .open("li", "")
            .action("link", "fix", error_text)
            .close()
            .close();
        p.close();
    }
    p.open("form", "")
        .attr("novalidate", "")
        .attr("part", "form");
    if answered == 0 {
        p.leaf("p", "intro", text(lang, t::INTRO));
    }
    p.open("p", "progress")
        .attr("part", "progress")
        .text(fill(
            text(lang, t::QUESTION_N),
            "n",
            &number_text(answered + 1),
        ))
        .close();

    let group_class = if m.error { "group has-error" } else { "group" };
    let describedby = if m.error { "hint error" } else { "hint" };
    let heading = |p: &mut Plan| {
        p.open("h2", "")
            .attr("tabindex", "-1")
            .attr("part", "heading");
        if !m.error {
            p.attr("data-focus", "");
        }
    };
    let hint_and_error = |p: &mut Plan| {
        if let Some(h) = def.hint {
            p.open("p", "hint")
                .attr("id", "hint")
                .text(text(lang, h))
                .close();
        }
        if m.error {
            p.open("p", "error-message")
                .attr("id", "error")
                .text(error_text)
                .close();
        }
    };
    let previous = m.last[q].as_ref();

    if def.kind == QuestionKind::Number {
        // One field: its label is the heading (GOV.UK).
        p.open("div", group_class);
        heading(p);
        p.open("label", "")
            .attr("for", "answer")
            .text(text(lang, def.text))
            .close();
        p.close();
        hint_and_error(p);
        p.open("input", "number")
            .attr("id", "answer")
            .attr("name", "answer")
            .attr("type", "text")
            .attr("inputmode", "numeric")
            .attr("autocomplete", "off")
            .attr("spellcheck", "false")
            .attr("aria-describedby", describedby);
        if m.error {
            p.attr("aria-invalid", "true");
        }
        match previous {
            Some(Input::Number(x)) if !m.error => p.attr("value", number_text(*x as usize)),
            _ => p.attr("value", m.typed.clone()),
        };
        p.close().close();
    } else {
        p.open("fieldset", group_class)
            .attr("aria-describedby", describedby);
        p.open("legend", "");
        heading(p);
        p.text(text(lang, def.text)).close().close();
        hint_and_error(p);
        p.open("div", "options").attr("part", "options");
        let chosen = |v: &str| match previous {
            Some(Input::Text(x)) => x == v,
            Some(Input::List(xs)) => xs.iter().any(|x| matches!(x, Input::Text(t) if t == v)),
            Some(Input::Bool(b)) => (v == "yes" && *b) || (v == "no" && !*b),
            Some(Input::Null) => v == "?",
            _ => false,
        };
        let multiple = matches!(def.kind, QuestionKind::Many | QuestionKind::Checklist);
        let kind = if multiple { "checkbox" } else { "radio" };
        let items = choices(q, lang);
        for (i, (value, label)) in items.iter().enumerate() {
            option(p, kind, i, label, chosen(value));
        }
        if multiple {
            p.leaf("p", "divider", text(lang, t::OR));
            let none_chosen = matches!(previous, Some(Input::List(xs)) if xs.is_empty());
            option(
                p,
                kind,
                items.len(),
                text(lang, t::NONE_OF_THESE),
                none_chosen,
            );
        }
        p.close().close();
    }
    p.open("button", "button")
        .attr("type", "submit")
        .attr("data-action", "continue")
        .attr("part", "button")
        .text(text(lang, t::CONTINUE))
        .close();
    p.close();
}

pub(crate) fn option(
    p: &mut Plan,
    kind: &'static str,
    i: usize,
    label: &'static str,
    checked: bool,
) {
    let place = number_text(i);
    let mut id = String::from("o");
    id.push_str(&place);
    p.open("div", "item");
    p.open("input", "")
        .attr("type", kind)
        .attr("id", id.clone())
        .attr("name", "answer")
        .attr("value", place);
    if checked {
        p.attr("checked", "");
    }
    p.close();
    p.open("label", "").attr("for", id).text(label).close();
    p.close();
}

/// A question's choices in screen order, as (answer, label): "yes" and "no",
/// the finding's values or the checklist's findings, then "?" (not sure) on a
/// question with one answer. A question with several answers has "None of
/// these" after them (at the place `choices(q).len()`). An option's value is
/// its place on the screen ([`option`]), never the finding's or the answer's
/// id, which a session recorder or a host's script could read (SAFETY H18);
/// `form::read_answer` maps it back through this list.
pub(crate) fn choices(q: usize, lang: Lang) -> Vec<(&'static str, &'static str)> {
    let def = &QUESTIONS[q];
    let mut items: Vec<(&'static str, &'static str)> = match def.kind {
        QuestionKind::YesNo => vec![
            ("yes", text(lang, t::ANSWER_YES)),
            ("no", text(lang, t::ANSWER_NO)),
        ],
        QuestionKind::Checklist => def
            .options
            .iter()
            .map(|f| (f.id(), text(lang, f.def().label)))
            .collect(),
        _ => def
            .finding
            .map_or(&[][..], |f| f.def().values)
            .iter()
            .map(|v| (v.id, text(lang, v.label)))
            .collect(),
    };
    if !matches!(def.kind, QuestionKind::Many | QuestionKind::Checklist) {
        items.push(("?", text(lang, t::ANSWER_NOT_SURE)));
    }
    items
}
