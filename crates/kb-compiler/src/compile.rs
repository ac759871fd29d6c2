//! Compiles the reviewable knowledge base in `kb/*.toml` into static Rust
//! tables (`$OUT_DIR/kb_gen.rs`, included by `src/kb.rs`) and language
//! packs.
//!
//! Everything is checked here: unknown ids, types, probabilities, texts in
//! every language, conditions. A mistake in the data is a build error that
//! names the entry, never a surprise at run time. Nothing is parsed when the
//! library starts.
//!
//! [`compile`] reads the files in turn and writes the tables in order; each
//! file's checks and tables are in `compile/`: `sources.rs`, `findings.rs`,
//! `questions.rs`, `rules.rs` (with the definitions conditions use),
//! `explanations.rs` (with the scoring model) and `ui.rs`. This file holds
//! what they share: the levels, the `f32` literals, parsing a condition,
//! and writing a table's rows.

use std::fmt::Write as _;

use crate::cond::{Cond, Parser};
use crate::model::*;

mod explanations;
mod findings;
mod questions;
mod rules;
mod sources;
mod ui;

const LEVELS: &[&str] = &["emergency", "urgent", "routine", "self_care"];

fn level_rust(l: &str, what: &str) -> &'static str {
    match l {
        "emergency" => "Level::Emergency",
        "urgent" => "Level::Urgent",
        "routine" => "Level::Routine",
        "self_care" => "Level::SelfCare",
        _ => fail(&format!("{what}: unknown level {l:?}")),
    }
}

fn f32_lit(x: f64) -> String {
    let x = x as f32;
    if x.is_finite() {
        format!("{x:?}f32")
    } else {
        fail("non-finite number in a generated table")
    }
}

/// A condition of `what`, parsed; a mistake in it fails the build naming
/// `what`.
fn parse(parser: &Parser, src: &str, what: &str) -> Cond {
    parser
        .parse(src)
        .unwrap_or_else(|e| fail(&format!("{what}: {e}")))
}

/// A table of the generated code: its first line (`head`, with any doc
/// comment before it), its rows, and the closing `];`.
fn write_rows(w: &mut String, head: &str, rows: &[String]) {
    writeln!(w, "{head}").unwrap();
    rows.iter().for_each(|r| writeln!(w, "{r}").unwrap());
    writeln!(w, "];").unwrap();
}

/// The knowledge base's files, `kb/<name>.toml`.
const KB_FILES: [&str; 7] = [
    "sources",
    "findings",
    "questions",
    "rules",
    "explanations",
    "ui",
    "emergency_numbers",
];

/// `<version>+kb.<8 hex digits>`: the package's version and the first 32
/// bits of the FNV-1a fingerprint of the files' contents, in order.
pub fn kb_version(version: &str, files: &[String]) -> String {
    format!("{version}+kb.{:08x}", fingerprint(files) >> 32)
}

/// Compiles `kb/*.toml` (paths relative to the current directory: the
/// core's package, where cargo runs its build script) into `$OUT_DIR`, and
/// tells cargo which files to watch and where the packs are. Panics with a
/// message naming the file and entry on any mistake in the data.
pub fn compile() {
    for f in KB_FILES {
        println!("cargo:rerun-if-changed=kb/{f}.toml");
    }

    let mut texts = Texts::default();
    let mut out = String::new();
    let w = &mut out;

    // The knowledge base's version, shown on the printed summary and in the
    // FHIR export: the package's version and the fingerprint of every kb
    // file's bytes, so any change to the data (a rule, a wording, a
    // source) gives another version.
    let files: Vec<String> = KB_FILES
        .iter()
        .map(|f| {
            let path = format!("kb/{f}.toml");
            std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{path}: {e}")))
        })
        .collect();
    writeln!(
        w,
        "/// The knowledge base's version: the package's version and the\n\
         /// fingerprint of the bytes of every `kb/*.toml` file.\n\
         pub const KB_VERSION: &str = {:?};",
        kb_version(
            &std::env::var("CARGO_PKG_VERSION").unwrap_or_default(),
            &files
        )
    )
    .unwrap();

    let sources_t = load("kb/sources.toml");
    let source_ids = sources::write(w, &sources_t);

    let findings_t = load("kb/findings.toml");
    let findings = load_findings(&findings_t, &mut texts);
    let bg_logp = findings::background(&findings);

    // (The rules' definitions are read first: a question's `ask_if` may
    // use them.)
    let questions_t = load("kb/questions.toml");
    let rules_t = load("kb/rules.toml");
    let defines = rules::defines(&rules_t, &findings);
    let parser = Parser {
        findings: &findings,
        defines: &defines,
    };
    let asked_by = questions::write(w, &questions_t, &findings, &parser, &mut texts);
    findings::write(w, &findings, &asked_by, &bg_logp);

    // (Explanations are loaded first: a rule names those it is evidence for.)
    let expl_t = load("kb/explanations.toml");
    rules::write(w, &rules_t, &expl_t, &source_ids, &parser, &mut texts);
    explanations::write(
        w,
        &expl_t,
        &findings,
        &bg_logp,
        &source_ids,
        &parser,
        &mut texts,
    );

    crate::codes::write(w, &sources_t, &findings_t, &expl_t);

    let ui_t = load("kb/ui.toml");
    ui::write(w, &ui_t, &mut texts);
    crate::emit::export_texts(w, &ui_t);

    crate::emit::emergency_numbers(w);
    crate::emit::texts_and_packs(w, &texts);

    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("kb_gen.rs");
    std::fs::write(dest, out).unwrap();
}

#[cfg(test)]
mod tests {
    use super::kb_version;

    #[test]
    fn the_kb_version_changes_with_any_byte_of_the_data() {
        let files = |rules: &str| vec!["[a]".to_string(), rules.to_string()];
        let v = kb_version("0.1.0", &files("[R1]\nlevel = \"urgent\""));
        assert!(
            v.starts_with("0.1.0+kb.") && v.len() == "0.1.0+kb.".len() + 8,
            "{v}"
        );
        assert_eq!(v, kb_version("0.1.0", &files("[R1]\nlevel = \"urgent\"")));
        assert_ne!(v, kb_version("0.1.0", &files("[R1]\nlevel = \"routine\"")));
        assert_ne!(v, kb_version("0.2.0", &files("[R1]\nlevel = \"urgent\"")));
    }
}
