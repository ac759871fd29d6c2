//! The contracts between the core's Rust types and the npm package's
//! JavaScript and TypeScript, each with one owner and checked here
//! natively (`cargo test -p twitch-triage-api`):
//!
//! - the shape of a result, a question and the knowledge base: the Rust
//!   types (their serde form, which `knowledge()` and `answers()` cross as)
//!   own it; `js/boundary.js` builds the same objects from the arguments
//!   `src/wasm.rs` passes, in the same order, and `js/api.d.ts` declares the
//!   same properties;
//! - the union types of `js/api.d.ts` that name Rust enums: the error kinds
//!   (the core's, and the two `js/api.js` makes), the question kinds, the
//!   levels an explanation can have;
//! - the languages: the package's entries (`package.json`) are the core's
//!   `Lang::ALL` (the build takes its list from the core: `cargo xtask packs`).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use serde_json::Value;
use twitch_triage::error::ErrorKind;
use twitch_triage::kb::{QuestionKind, EXPLANATIONS};
use twitch_triage::{knowledge, Lang, Level};

#[path = "../../../tests/common/source.rs"]
mod source;
use source::{a_case_with_rules, block, members, read};

type Names = BTreeSet<String>;

fn names<'a>(items: impl IntoIterator<Item = &'a str>) -> Names {
    items.into_iter().map(String::from).collect()
}

/// The properties an interface declares, and those of them that are
/// required (no `?`).
fn properties(body: &str) -> (Names, Names) {
    let m = members(body);
    let all = m.iter().map(|(n, _)| n.clone()).collect();
    let required = m
        .into_iter()
        .filter(|(_, optional)| !optional)
        .map(|(n, _)| n)
        .collect();
    (all, required)
}

fn interface(dts: &str, name: &str) -> (Names, Names) {
    properties(block(dts, &format!("export interface {name}")))
}

/// The members of a string-literal union type: `export type <name> = 'a' | 'b';`.
fn union(dts: &str, name: &str) -> Names {
    let at = dts
        .find(&format!("export type {name} ="))
        .unwrap_or_else(|| panic!("type {name} not found"));
    let body = &dts[at..at + dts[at..].find(';').unwrap()];
    body.split('\'')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect()
}

/// The parameters of `export const <name> = (a, b) =>` in a JavaScript file.
fn js_params(js: &str, name: &str) -> Vec<String> {
    let at = js
        .find(&format!("export const {name} = ("))
        .unwrap_or_else(|| panic!("{name} not found"));
    let open = at + js[at..].find('(').unwrap();
    let close = open + js[open..].find(')').unwrap();
    js[open + 1..close]
        .split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The parameters of `fn <name>(a: A, b: B)` in a Rust file.
fn rust_params(rs: &str, name: &str) -> Vec<String> {
    let at = rs
        .find(&format!("fn {name}("))
        .unwrap_or_else(|| panic!("fn {name} not found"));
    let open = at + rs[at..].find('(').unwrap();
    let close = open + rs[open..].find(')').unwrap();
    rs[open + 1..close]
        .split(',')
        .filter_map(|p| p.split_once(':'))
        .map(|(n, _)| n.trim().to_string())
        .collect()
}

/// The keys of every object in `items` (serde's form), and the keys every
/// one of them has.
fn keys<'a>(items: impl IntoIterator<Item = &'a Value>) -> (Names, Names) {
    let (mut any, mut every): (Names, Option<Names>) = (Names::new(), None);
    for item in items {
        let k: Names = item.as_object().unwrap().keys().cloned().collect();
        any.extend(k.iter().cloned());
        every = Some(match every {
            None => k,
            Some(e) => e.intersection(&k).cloned().collect(),
        });
    }
    (any, every.unwrap_or_default())
}

/// The declared properties of `name` are the keys the Rust type's objects
/// have: every key declared, every required property always there.
fn same_shape(dts: &str, name: &str, objects: &[&Value]) {
    let (declared, required) = interface(dts, name);
    let (any, every) = keys(objects.iter().copied());
    assert_eq!(
        declared, any,
        "js/api.d.ts: {name} and the Rust type's properties"
    );
    assert!(
        required.is_subset(&every),
        "js/api.d.ts: {name} requires {:?}, which some objects lack",
        required.difference(&every).collect::<Vec<_>>()
    );
}

/// `js/boundary.js`'s `make<X>` takes the properties of `X` in the order
/// `src/wasm.rs` passes them, and makes an object of them.
fn same_builder(js: &str, rs: &str, js_name: &str, rust_name: &str, properties: &Names) {
    let params = js_params(js, js_name);
    assert_eq!(
        params,
        rust_params(rs, rust_name),
        "js/boundary.js {js_name} and src/wasm.rs {rust_name}: the same arguments in the same order"
    );
    assert_eq!(
        &names(params.iter().map(String::as_str)),
        properties,
        "js/boundary.js {js_name} makes the object's properties from its arguments"
    );
}

#[test]
fn a_result_has_one_shape_in_rust_javascript_and_typescript() {
    let dts = read("js/api.d.ts");
    let js = read("js/boundary.js");
    let rs = read("src/wasm.rs");
    let r = serde_json::to_value(a_case_with_rules().1).unwrap();
    same_shape(&dts, "Assessment", &[&r]);
    let explanations: Vec<&Value> = r["explanations"].as_array().unwrap().iter().collect();
    same_shape(&dts, "Explanation", &explanations);
    let rules: Vec<&Value> = r["rules"].as_array().unwrap().iter().collect();
    same_shape(&dts, "FiredRule", &rules);
    same_builder(&js, &rs, "makeAssessment", "make_assessment", &keys([&r]).0);
    same_builder(
        &js,
        &rs,
        "makeExplanation",
        "make_explanation",
        &keys(explanations).0,
    );
    same_builder(&js, &rs, "makeRule", "make_rule", &keys(rules).0);
}

#[test]
fn a_question_has_one_shape_from_next_and_from_knowledge() {
    let dts = read("js/api.d.ts");
    let js = read("js/boundary.js");
    let rs = read("src/wasm.rs");
    // Every question, as knowledge() gives it (serde); next() gives the
    // same through makeQuestion.
    let k = serde_json::to_value(knowledge(Lang::En)).unwrap();
    let questions: Vec<&Value> = k["questions"].as_array().unwrap().iter().collect();
    same_shape(&dts, "QuestionOf", &questions);
    same_builder(
        &js,
        &rs,
        "makeQuestion",
        "make_question",
        &keys(questions.iter().copied()).0,
    );
    let options: Vec<&Value> = questions
        .iter()
        .filter_map(|q| q["options"].as_array())
        .flatten()
        .collect();
    same_shape(&dts, "QuestionOption", &options);
    same_builder(&js, &rs, "makeOption", "make_option", &keys(options).0);
}

#[test]
fn the_knowledge_base_has_the_shape_its_types_declare() {
    let dts = read("js/api.d.ts");
    let k = serde_json::to_value(knowledge(Lang::En)).unwrap();
    same_shape(&dts, "Knowledge", &[&k]);
    for (list, name) in [
        ("levels", "LevelInfo"),
        ("findings", "FindingInfo"),
        ("explanations", "ExplanationInfo"),
        ("rules", "RuleInfo"),
        ("sources", "SourceInfo"),
    ] {
        let items: Vec<&Value> = k[list].as_array().unwrap().iter().collect();
        same_shape(&dts, name, &items);
    }
    let (texts, _) = properties(block(block(&dts, "export interface Knowledge"), "texts:"));
    assert_eq!(texts, keys([&k["texts"]]).0, "js/api.d.ts: Knowledge.texts");
}

#[test]
fn the_union_types_are_the_rust_enums() {
    let dts = read("js/api.d.ts");
    // The core's error kinds, and the two that js/api.js makes itself.
    let api = read("js/api.js");
    let mut kinds = names(ErrorKind::ALL.iter().map(|k| k.as_str()));
    let own: Names = api
        .split("new TwitchTriageError(")
        .skip(1)
        .map(|call| call.split('\'').nth(1).unwrap().to_string())
        .collect();
    assert_eq!(
        own,
        names(["freed", "not_an_interview"]),
        "the kinds js/api.js makes"
    );
    kinds.extend(own);
    assert_eq!(union(&dts, "ErrorKind"), kinds, "js/api.d.ts: ErrorKind");
    assert_eq!(
        union(&dts, "QuestionKind"),
        names(QuestionKind::ALL.iter().map(|k| k.id())),
        "js/api.d.ts: QuestionKind"
    );
    // The levels an explanation may have: explanations alone never call for
    // urgent or emergency (ARCHITECTURE.md), and the knowledge base uses both.
    let used = names(EXPLANATIONS.iter().map(|e| e.level.id()));
    assert_eq!(
        union(&dts, "ExplanationLevel"),
        used,
        "js/api.d.ts: ExplanationLevel"
    );
    assert!(used.iter().all(|l| Level::ALL
        .iter()
        .any(|x| x.id() == l && *x >= Level::Routine)));
}

#[test]
fn the_package_has_an_entry_for_each_language_of_the_core() {
    let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    let package: Value = serde_json::from_str(&read("../../package.json")).unwrap();
    let entries: Vec<&str> = package["exports"]
        .as_object()
        .unwrap()
        .keys()
        .filter_map(|k| k.strip_prefix("./"))
        // (The element, its types for React, Vue and Svelte, its manifest
        // and the FHIR export are not languages.)
        .filter(|k| {
            ![
                "element",
                "react",
                "vue",
                "svelte",
                "custom-elements.json",
                "fhir",
                "package.json",
            ]
            .contains(k)
        })
        .collect();
    assert_eq!(
        entries, codes,
        "package.json: an entry ./<lang> per language"
    );
}
