//! A question screen (GOV.UK question pages: the question as the heading,
//! a back link, "Continue", an error summary).

use alloc::string::String;

use crate::dom::Plan;
use crate::form::choices;
use crate::lifecycle::State;
use crate::view::{back_link, level_class, number_text, tel};
use twitch_triage::kb::{t, text, Level, QuestionKind, QUESTIONS};
use twitch_triage::summary::{fill, with_number};
use twitch_triage::Input;

pub(crate) fn question(p: &mut Plan, s: &State, q: usize) {
    let lang = s.interview.lang();
    let def = &QUESTIONS[q];
    let answered = s.interview.answered();
    if answered > 0 {
        back_link(p, lang);
    }
    if s.interview.result().triage == Level::Emergency {
        p.open("div", level_class(Level::Emergency))
            .attr("role", "alert")
            .attr("part", "banner");
        p.leaf("p", "", with_number(lang, t::EMERGENCY_DURING, &s.number));
        p.open("a", "call")
            .attr("href", tel(&s.number))
            .text(with_number(lang, t::CALL_NOW, &s.number))
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
    if s.error {
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

    let group_class = if s.error { "group has-error" } else { "group" };
    let describedby = if s.error { "hint error" } else { "hint" };
    let heading = |p: &mut Plan| {
        p.open("h2", "")
            .attr("tabindex", "-1")
            .attr("part", "heading");
        if !s.error {
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
        if s.error {
            p.open("p", "error-message")
                .attr("id", "error")
                .text(error_text)
                .close();
        }
    };
    let previous = s.last[q].as_ref();

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
        if s.error {
            p.attr("aria-invalid", "true");
        }
        match previous {
            Some(Input::Number(x)) if !s.error => p.attr("value", number_text(*x as usize)),
            _ => p.attr("value", s.typed.clone()),
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
