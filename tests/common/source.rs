//! Reading the JavaScript and TypeScript sources in the contract tests of
//! the WebAssembly crates (`crates/*/tests/contracts.rs` include this file).
#![allow(dead_code)]

use serde_json::Value;
use twitch_triage::{classify, Assessment, Findings, InputMap};

/// A file, by its path from the folder of the crate whose test includes this.
pub fn read(path: &str) -> String {
    let at = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&at).unwrap_or_else(|e| panic!("{}: {e}", at.display()))
}

/// What is inside the braces that open after the first `start` in `text`.
pub fn block<'a>(text: &'a str, start: &str) -> &'a str {
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

/// The members of an object literal or an interface body, one a line, at
/// its top level (not those of a nested object; comments skipped): each
/// name (unquoted), and whether it is optional (`name?:`).
pub fn members(body: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let (mut depth, mut comment) = (0, false);
    for line in body.lines() {
        let t = line.trim();
        if t.starts_with("/*") {
            comment = true;
        }
        if comment {
            comment = !t.contains("*/");
            continue;
        }
        if depth == 0 && !t.starts_with("//") {
            let name: String = t
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || "_-'".contains(*c))
                .collect();
            let rest = &t[name.len()..];
            let name = name.trim_matches('\'');
            if !name.is_empty() && (rest.starts_with(':') || rest.starts_with("?:")) {
                out.push((name.to_string(), rest.starts_with('?')));
            }
        }
        depth += t.matches('{').count() as i32 - t.matches('}').count() as i32;
    }
    out
}

/// The answers and the result of the first of the spec's worked cases whose
/// result has rules and explanations.
pub fn a_case_with_rules() -> (Findings, Assessment) {
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
