//! The result screen: the level, what to do now, the likeliest
//! explanations and why, what to tell a doctor, the answers, copy and print.

use alloc::{string::String, vec::Vec};

use crate::dom::Plan;
use crate::model::{CopyState, Model};
use crate::view::{back_link, level_class, tel};
use twitch_triage::kb::{t, text, ExplanationDef, Level, QUESTIONS};
use twitch_triage::summary::{
    describe_answer, describe_reason, fill, plain_text, push_joined, with_number,
};

/// "Other possibilities" lists other explanations at least this likely (and
/// only those with a reason among the answers).
const ALSO_POSSIBLE_MIN: f64 = 0.05;

/// The printed summary's first lines, on paper only (style.css): what it
/// is, the date (`today`, see `lifecycle::today`) and which version of the
/// questionnaire gave the result.
fn print_head(p: &mut Plan, lang: twitch_triage::Lang, today: &str) {
    use twitch_triage::summary::labelled;
    p.open("div", "print-head")
        .leaf("p", "", text(lang, t::SUMMARY_TITLE))
        .leaf("p", "", labelled(lang, t::DATE, today))
        .leaf(
            "p",
            "",
            labelled(lang, t::VERSION, twitch_triage::kb::KB_VERSION),
        )
        .close();
}

pub(crate) fn result(p: &mut Plan, m: &Model, today: &str) {
    let lang = m.interview.lang();
    let r = m.interview.result();
    let answers = m.interview.answers();
    print_head(p, lang, today);
    back_link(p, lang);

    p.open("div", level_class(r.triage)).attr("part", "banner");
    p.open("h2", "")
        .attr("tabindex", "-1")
        .attr("data-focus", "")
        .text(r.triage.title(lang))
        .close();
    p.leaf("p", "", r.triage.action(lang));
    if r.triage == Level::Emergency {
        p.open("a", "call")
            .attr("href", tel(&m.number))
            .text(with_number(lang, t::CALL_NOW, &m.number))
            .close();
        if let Some(note) = m.number_note {
            p.leaf("p", "note", with_number(lang, note, &m.number));
        }
    }
    p.close();

    let reasons = |ids: &[&str]| -> Vec<String> {
        ids.iter()
            .filter_map(|id| twitch_triage::kb::FindingId::by_name(id))
            .map(|f| describe_reason(f, answers, lang))
            .collect()
    };
    let section = |p: &mut Plan, class: &'static str, heading: String| {
        p.open("section", class)
            .attr("part", class)
            .leaf("h3", "", heading);
    };

    // What to do now: the rules' advice for an urgent or emergency result,
    // each saying why it sets the level, so it comes first, under the level
    // and before the explanations (SAFETY H17).
    let advice = |p: &mut Plan| {
        section(p, "advice", text(lang, t::WHAT_TO_DO).into());
        p.open("ul", "");
        // The level's action is already in the banner.
        for a in r.advice.iter().filter(|a| **a != r.triage.action(lang)) {
            p.leaf("li", "", *a);
        }
        p.close().close();
    };
    if r.triage <= Level::Urgent {
        advice(p);
    }

    let top = r
        .explanations
        .first()
        .and_then(|f| ExplanationDef::by_id(f.id));
    if let (Some(first), Some(def)) = (r.explanations.first(), top) {
        let mut heading = String::from(text(lang, t::MOST_LIKELY));
        heading.push_str(text(lang, t::LABEL_SEPARATOR));
        heading.push_str(first.name);
        section(p, "explanations", heading);
        p.open("div", "explanation");
        p.leaf("p", "", text(lang, def.summary));
        let why = reasons(&first.reasons);
        if !why.is_empty() {
            p.leaf("h4", "", text(lang, t::WHY)).open("ul", "");
            for w in why {
                p.leaf("li", "", w);
            }
            p.close();
        }
        p.close();
        // Others only when they are reasonably likely and something the
        // person said points to them: a list of long shots, or of causes
        // that rank only because they were never asked about (a medicine
        // side effect for someone not asked about medicines), would worry
        // people for no reason. The summary for a doctor lists them all.
        // Except the cause an emergency's own rules name when an urgent
        // rule's cause leads it (rule C1): the danger its advice speaks of.
        let keep = r.second_is_the_emergency();
        let others: Vec<_> = r.explanations[1..]
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                (*i == 0 && keep) || (e.score >= ALSO_POSSIBLE_MIN && !e.reasons.is_empty())
            })
            .map(|(_, e)| e)
            .collect();
        if !others.is_empty() {
            p.leaf("h4", "", text(lang, t::ALSO_POSSIBLE))
                .open("ul", "");
            for e in others {
                p.open("li", "").leaf("strong", "", e.name);
                let why = reasons(&e.reasons);
                if !why.is_empty() {
                    let mut line = String::new();
                    push_joined(&mut line, lang, why.iter().take(2));
                    p.leaf("span", "", fill(text(lang, t::ASIDE), "text", &line));
                }
                p.close();
            }
            p.close();
        }
        p.close();
    }

    if r.triage > Level::Urgent {
        advice(p);
    }

    if let Some(def) = top {
        section(p, "doctor", text(lang, t::TELL_DOCTOR).into());
        p.leaf("p", "", text(lang, def.tell_doctor)).close();
    }

    if !r.complete {
        section(p, "open", text(lang, t::OPEN_QUESTIONS).into());
        p.leaf("p", "", text(lang, t::OPEN_QUESTIONS_HINT))
            .open("ul", "");
        for f in r
            .unanswered
            .iter()
            .filter_map(|id| twitch_triage::kb::FindingId::by_name(id))
        {
            p.leaf("li", "", text(lang, f.def().label));
        }
        p.close().close();
    }

    section(p, "answers", text(lang, t::YOUR_ANSWERS).into());
    p.open("dl", "");
    for q in m.interview.asked_in_order() {
        p.leaf("dt", "", text(lang, QUESTIONS[q].text)).leaf(
            "dd",
            "",
            describe_answer(q, answers, lang),
        );
    }
    p.close().close();

    p.open("div", "actions").attr("part", "actions");
    p.action("secondary", "restart", text(lang, t::START_AGAIN));
    p.action("secondary", "copy", text(lang, t::COPY_SUMMARY));
    p.action("secondary", "print", text(lang, t::PRINT));
    p.action("secondary", "download", text(lang, t::DOWNLOAD));
    p.leaf("p", "hint", text(lang, t::DOWNLOAD_HINT));
    p.open("p", "status")
        .attr("role", "status")
        .attr("aria-live", "polite");
    if m.download_failed {
        p.text(text(lang, t::DOWNLOAD_FAILED));
    }
    match m.copy {
        CopyState::Done => {
            p.text(text(lang, t::COPIED)).close();
        }
        CopyState::Failed => {
            p.text(text(lang, t::COPY_FAILED)).close();
            p.open("textarea", "copy-text")
                .attr("readonly", "")
                .attr("aria-label", text(lang, t::COPY_SUMMARY));
            p.text(plain_text(&m.interview, &r, &m.number)).close();
        }
        CopyState::Idle => {
            p.close();
        }
    }
    p.close();
}
