//! The contracts between the element's Rust and its JavaScript and
//! TypeScript, each with one owner and checked here natively (`cargo test
//! -p twitch-triage-element`):
//!
//! - the completion event's detail: made by `complete_detail` (the element's
//!   Rust) as the core's serde form of the level, the explanations' ids and
//!   the answers, and declared as such in `js/element.d.ts`;
//! - the languages of `js/element.js`'s fallback screens: the core's
//!   (`Lang::ALL`), each with the same texts (its list of languages itself
//!   comes from the build, which has it from the core);
//! - the emergency sentence and the title: `emergency_line` and
//!   `questionnaire_title` of kb/ui.toml are the fallback screens' and the
//!   words pages put inside the element for when JavaScript is off;
//! - the emergency number's rules: `js/resolve.js` falls back to the same
//!   number as the module, and `js/embed.js`, a classic script that cannot
//!   import it, checks a number with its patterns (`tests/resolve.rs` runs
//!   `js/resolve.js` against the module's rules).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use serde_json::Value;
use twitch_triage::Lang;
use twitch_triage_element::detail::{complete_detail, Share};
use twitch_triage_element::resolve::DEFAULT_NUMBER;

#[path = "common/packs.rs"]
mod packs;
#[path = "../../../tests/common/source.rs"]
mod source;
use source::{a_case_with_rules, block, members, read};

/// The names of the members of `body` (see `members`).
fn names(body: &str) -> Vec<String> {
    members(body).into_iter().map(|(n, _)| n).collect()
}

#[test]
fn the_completion_event_carries_the_cores_forms_and_its_declared_shape() {
    let (f, r) = a_case_with_rules();
    let detail =
        |share| -> Value { serde_json::from_str(&complete_detail(share, &r, &f)).unwrap() };
    assert_eq!(detail(Share::Nothing), serde_json::json!({}));
    let ids: Vec<&str> = r.explanations.iter().map(|e| e.id).collect();
    let result = serde_json::json!({
        "triage": serde_json::to_value(r.triage).unwrap(),
        "explanations": ids,
    });
    assert_eq!(detail(Share::Result), result);
    let mut answers = result.clone();
    answers["answers"] = serde_json::to_value(&f).unwrap();
    assert_eq!(detail(Share::Answers), answers);
    // js/element.d.ts declares exactly these properties.
    let declared: BTreeSet<String> = names(block(
        &read("js/element.d.ts"),
        "export interface TwitchTriageCompleteDetail",
    ))
    .into_iter()
    .collect();
    let made: BTreeSet<String> = answers.as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        declared, made,
        "js/element.d.ts: TwitchTriageCompleteDetail"
    );
}

#[test]
fn the_fallback_screens_have_every_language_of_the_core_with_the_same_texts() {
    let js = read("js/element.js");
    let fallback = block(&js, "const FALLBACK = {");
    let langs = names(fallback);
    let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    assert_eq!(langs, codes, "js/element.js: FALLBACK's languages");
    let texts: Vec<Vec<String>> = langs
        .iter()
        .map(|l| {
            let key = if l.contains('-') {
                format!("'{l}': {{")
            } else {
                format!("{l}: {{")
            };
            names(block(fallback, &key))
        })
        .collect();
    for (l, t) in langs.iter().zip(&texts) {
        assert_eq!(
            t, &texts[0],
            "js/element.js: FALLBACK.{l} has the same texts as FALLBACK.en"
        );
    }
}

#[test]
fn the_javascript_checks_numbers_as_the_module_does() {
    let resolve = read("js/resolve.js");
    assert!(
        resolve.contains(&format!(
            "export const DEFAULT_NUMBER = '{DEFAULT_NUMBER}';"
        )),
        "js/resolve.js: DEFAULT_NUMBER is the module's"
    );
    let at = resolve
        .find("export const validNumber = (n) => ")
        .expect("validNumber");
    let check = &resolve[at..at + resolve[at..].find(';').unwrap()];
    let patterns: Vec<&str> = check.split('/').skip(1).step_by(2).collect();
    assert_eq!(patterns.len(), 2, "{check}");
    let embed = read("js/embed.js");
    for p in patterns {
        assert!(
            embed.contains(&format!("/{p}/.test(number)")),
            "js/embed.js checks a number with /{p}/, as js/resolve.js does"
        );
    }
}

/// `text` with its tags dropped and its whitespace collapsed.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The emergency sentence has one owner, `emergency_line` in kb/ui.toml:
/// the fallback screens of `js/element.js` (every language, with their
/// title, `questionnaire_title`) and the HTML that pages put inside the
/// element for when JavaScript is off (the private embed, the demo pages,
/// the README's snippet, the fallback test page) say it in its words.
#[test]
fn the_emergency_sentence_and_the_title_are_the_knowledge_bases_everywhere() {
    use twitch_triage::kb::{export_text, t, text, x};
    packs::install_packs();
    let js = read("js/element.js");
    for lang in Lang::ALL {
        let line = text(lang, t::EMERGENCY_LINE).replace("{number}", "${n}");
        assert!(
            js.contains(&format!("emergency: (n) => `{line}`")),
            "js/element.js: FALLBACK.{} says kb/ui.toml's emergency_line: {line}",
            lang.code()
        );
        let title = export_text(lang, x::QUESTIONNAIRE_TITLE);
        assert!(
            js.contains(&format!("title: '{title}'")),
            "js/element.js: FALLBACK.{} has kb/ui.toml's [export] questionnaire_title: {title}",
            lang.code()
        );
    }
    let en = text(Lang::En, t::EMERGENCY_LINE);
    let (before, after) = en.split_once("{number}").unwrap();
    for file in [
        "js/embed.html",
        "../../www/index.html",
        "../../www/app.html",
        "../../www/article.html",
        "../../tests/e2e/pages/fallback.html",
        "../../README.md",
    ] {
        let page = plain(&read(file));
        let at = page
            .find(before)
            .unwrap_or_else(|| panic!("{file}: kb/ui.toml's emergency_line ({en})"));
        let rest = &page[at + before.len()..];
        let number = rest.find(after).unwrap_or(usize::MAX);
        assert!(
            number <= 50,
            "{file}: kb/ui.toml's emergency_line, then a number and \"{after}\": {}",
            &rest[..rest.len().min(80)]
        );
    }
}
