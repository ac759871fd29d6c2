//! The documents that make claims about the code stay true: every test the
//! safety case and the architecture name exists, and every source the
//! knowledge base cites is listed in the references.

use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Backticked references to tests and scripts: `tests/x.rs::name`,
/// `tests/dir/x.mjs::title start`, `scripts/x.mjs`, and a crate's tests,
/// `crates/x/tests/y.rs::name` (not folders, `tests/e2e/`).
fn references(doc: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    for part in doc.split('`').skip(1).step_by(2) {
        let crate_test = part.starts_with("crates/") && part.contains("/tests/");
        if !(part.starts_with("tests/") || part.starts_with("scripts/") || crate_test)
            || part.contains('<')
            || part.ends_with('/')
        {
            continue;
        }
        match part.split_once("::") {
            Some((file, name)) => out.push((file.to_string(), Some(name.to_string()))),
            None => out.push((part.to_string(), None)),
        }
    }
    out
}

#[test]
fn every_test_the_safety_case_names_exists() {
    let refs = references(&read("docs/SAFETY.md"));
    assert!(
        refs.len() > 40,
        "the safety case names its tests ({} found)",
        refs.len()
    );
    each_exists("docs/SAFETY.md", refs);
}

/// ARCHITECTURE.md names, next to each invariant, the test that holds it.
#[test]
fn every_test_the_architecture_names_exists() {
    let refs = references(&read("ARCHITECTURE.md"));
    assert!(
        refs.len() > 20,
        "the architecture names its tests ({} found)",
        refs.len()
    );
    each_exists("ARCHITECTURE.md", refs);
}

/// Every file of `refs` exists, and every test or suite they name in it.
fn each_exists(doc: &str, refs: Vec<(String, Option<String>)>) {
    for (file, name) in refs {
        let source = read(&file);
        let Some(name) = name else { continue };
        let found = if file.ends_with(".rs") {
            source.contains(&format!("fn {name}("))
        } else {
            // A JavaScript test or suite whose title starts with `name`.
            ["test('", "test(`", "describe('", "describe(`"]
                .iter()
                .any(|p| source.contains(&format!("{p}{name}")))
        };
        assert!(found, "{doc} names {file}::{name}, which does not exist");
    }
}

#[test]
fn every_cited_source_is_listed_in_the_references() {
    let refs = read("docs/REFERENCES.md");
    for s in &twitch_triage::kb::SOURCES {
        assert!(
            refs.contains(&format!("**{}**", s.id)),
            "docs/REFERENCES.md does not list {}",
            s.id
        );
    }
}
