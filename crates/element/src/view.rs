//! The frame of every screen (the emergency line, what the host page
//! receives, the disclaimer), and what the question and result screens
//! share. A screen is a pure function of the [`Model`]: [`plan`] describes
//! it, `lifecycle::render` builds it into the shadow root and moves focus.

use alloc::string::String;

use crate::detail::Share;
use crate::dom::Plan;
use crate::model::{Model, Screen};
use crate::view_question::question;
use crate::view_result::result;
use twitch_triage::kb::{t, text, Lang, Level};
use twitch_triage::summary::with_number;

/// The screen `m` shows. `today`: the device's date, written the
/// language's way, for the printed summary's head (the result screen only).
pub fn plan(m: &Model, today: &str) -> Plan {
    let lang = m.interview.lang();
    let mut p = Plan::default();
    // Its own language and direction, whatever the page's: a screen reader
    // then reads it with the right voice, and a right-to-left page does not
    // flip it (every language it has is written left to right).
    p.open("div", "tt")
        .attr("part", "container")
        .attr("lang", lang.code())
        .attr("dir", "ltr");
    p.open("p", "emergency-line")
        .attr("part", "emergency-line")
        .text(with_number(lang, t::EMERGENCY_LINE, &m.number))
        .close();
    match m.screen {
        Screen::Question(q) => question(&mut p, m, q),
        Screen::Result => result(&mut p, m, today),
    }
    if m.share > Share::Nothing {
        p.open("p", "shared")
            .attr("part", "shared")
            .text(text(
                lang,
                if m.share == Share::Answers {
                    t::SHARED_ANSWERS
                } else {
                    t::SHARED_RESULT
                },
            ))
            .close();
    }
    p.open("p", "disclaimer")
        .attr("part", "disclaimer")
        .text(text(lang, t::DISCLAIMER))
        .close();
    p.close();
    p
}

/// The banner's class for a level: by its place (emergency first), never its
/// id, which a session recorder could read in the class (SAFETY H18).
pub(crate) fn level_class(level: Level) -> &'static str {
    match level {
        Level::Emergency => "banner l0",
        Level::Urgent => "banner l1",
        Level::Routine => "banner l2",
        Level::SelfCare => "banner l3",
    }
}

pub(crate) fn number_text(n: usize) -> String {
    let mut s = String::new();
    twitch_triage::error::push_num(&mut s, n as u32);
    s
}

pub(crate) fn tel(number: &str) -> String {
    let mut href = String::from("tel:");
    for c in number.chars().filter(|c| !c.is_whitespace()) {
        // A raw '#' would end the number and start a URL fragment: phones
        // would dial "*112" for "*112#" (RFC 3966 escapes it).
        match c {
            '#' => href.push_str("%23"),
            _ => href.push(c),
        }
    }
    href
}

/// The "Back" link at the top of a question (after the first) and of the result.
pub(crate) fn back_link(p: &mut Plan, lang: Lang) {
    p.open("button", "link back")
        .attr("type", "button")
        .attr("data-action", "back")
        .attr("part", "back")
        .text(text(lang, t::BACK))
        .close();
}
