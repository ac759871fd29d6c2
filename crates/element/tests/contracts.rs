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
//! - the emergency number's rules: `js/resolve.js` falls back to the same
//!   number as the module, and `js/embed.js`, a classic script that cannot
//!   import it, checks a number with its patterns (`tests/resolve.rs` runs
//!   `js/resolve.js` against the module's rules).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use serde_json::Value;
use twitch_triage::{classify, Findings, InputMap, Lang};
use twitch_triage_element::detail::{complete_detail, Share};
use twitch_triage_element::resolve::DEFAULT_NUMBER;

fn read(path: &str) -> String {
    let at = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&at).unwrap_or_else(|e| panic!("{}: {e}", at.display()))
}

/// `text` from the first `start` to its matching closing brace.
fn block<'a>(text: &'a str, start: &str) -> &'a str {
    let at = text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not found"));
    let open = at + text[at..].find('{').unwrap();
    let mut depth = 0;
    for (i, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[open + 1..open + i];
                }
            }
            _ => {}
        }
    }
    panic!("{start:?}: no closing brace")
}

/// The names before `:` at the top level of an object literal or an
/// interface body (one per line; comments skipped).
fn members(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    for line in body.lines() {
        let t = line.trim();
        if depth == 0 && !t.starts_with("//") && !t.starts_with("/*") && !t.starts_with('*') {
            let name = t.split(':').next().unwrap().trim_end_matches('?');
            let name = name.trim_matches('\'');
            if t.contains(':')
                && !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                out.push(name.to_string());
            }
        }
        depth += t.matches('{').count() as i32 - t.matches('}').count() as i32;
    }
    out
}

/// The answers and result of the first spec case whose result has rules.
fn a_case() -> (Findings, twitch_triage::Assessment) {
    let cases: Value = serde_json::from_str(&read("../../tests/vignettes/dev.json")).unwrap();
    cases
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let map: InputMap = serde_json::from_value(c["findings"].clone()).unwrap();
            let f = Findings::from_map(&map).unwrap();
            let r = classify(&f);
            (f, r)
        })
        .find(|(_, r)| !r.rules.is_empty() && !r.explanations.is_empty())
        .expect("a case with rules")
}

#[test]
fn the_completion_event_carries_the_cores_forms_and_its_declared_shape() {
    let (f, r) = a_case();
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
    let declared: BTreeSet<String> = members(block(
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
    let langs = members(fallback);
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
            members(block(fallback, &key))
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
