#![cfg(not(target_arch = "wasm32"))]
//! A misspelt key in any file of `kb/` fails the build, naming the file, the
//! table and the key (issue 30). Two levels:
//!
//! - the check itself (`crates/kb-compiler/src/keys.rs`, which the build runs on every file
//!   as it loads it), on every table of every real kb file: a key added
//!   anywhere is refused, and the real files pass;
//! - the build: a copy of the crate with one key misspelt in each file is
//!   built, and the build fails with that file and key in its message.

use twitch_triage_kb_compiler::keys;

use std::path::{Path, PathBuf};
use std::process::Command;

const FILES: [&str; 6] = [
    "sources.toml",
    "findings.toml",
    "questions.toml",
    "rules.toml",
    "explanations.toml",
    "ui.toml",
];
const LANGS: &[&str] = &["en", "es", "zh-Hant"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(file: &str) -> toml::Table {
    let src = std::fs::read_to_string(root().join("kb").join(file)).unwrap();
    src.parse().unwrap()
}

/// Every table path of `t` (as key lists), except inside values whose keys
/// are checked where they are read (`p`, `define`, and `basis`, checked
/// against `p` by `keys::check_basis`).
fn table_paths(t: &toml::Table, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    for (k, v) in t {
        // (Tables keyed by data, whose keys are checked where they are read:
        // evidence by finding, SNOMED CT codes and the pages they were
        // checked on, crates/kb-compiler/src/codes.rs.)
        if ["p", "define", "basis", "checked", "pages"].contains(&k.as_str()) {
            continue;
        }
        if let toml::Value::Table(inner) = v {
            at.push(k.clone());
            table_paths(inner, at, out);
            at.pop();
        }
    }
}

fn table_at<'a>(t: &'a mut toml::Table, path: &[String]) -> &'a mut toml::Table {
    path.iter()
        .fold(t, |t, k| t.get_mut(k).unwrap().as_table_mut().unwrap())
}

#[test]
fn the_real_kb_files_pass_the_key_check() {
    for file in FILES {
        let path = format!("kb/{file}");
        keys::check(&path, &load(file), LANGS).unwrap();
    }
}

#[test]
fn a_key_added_to_any_table_of_any_kb_file_is_refused_by_name() {
    let mut checked = 0;
    for file in FILES {
        let path = format!("kb/{file}");
        let original = load(file);
        let mut paths = Vec::new();
        table_paths(&original, &mut Vec::new(), &mut paths);
        for at in paths {
            let mut t = original.clone();
            table_at(&mut t, &at).insert("misspelt_key".into(), toml::Value::from("x"));
            let err =
                keys::check(&path, &t, LANGS).expect_err(&format!("{path} [{}]", at.join(".")));
            assert!(err.starts_with(&format!("{path}: ")), "{err}");
            assert!(err.contains("misspelt_key"), "{err}");
            if !at.is_empty() {
                // The table, or (in a table of ids) the new entry in it.
                assert!(err.contains(&format!("[{}", at.join("."))), "{err}");
            }
            checked += 1;
        }
    }
    // Every question, finding, value, rule, explanation, source and text.
    assert!(checked > 500, "only {checked} tables checked");
}

/// The issue's own example: `ask_if` spelt `ask_iff`.
#[test]
fn ask_iff_in_questions_toml_is_refused() {
    let mut t = load("questions.toml");
    let q = t.get_mut("sudden_onset").unwrap().as_table_mut().unwrap();
    let v = q.remove("ask_if").unwrap();
    q.insert("ask_iff".into(), v);
    let err = keys::check("kb/questions.toml", &t, LANGS).unwrap_err();
    assert_eq!(
        err,
        "kb/questions.toml: [sudden_onset] unknown key \"ask_iff\" (known: kind, finding, options, priority, core, ask_if, text, hint)"
    );
}

/// Issue 31: every prior and likelihood carries its basis in `[X.basis]`.
/// The real file has one for each; removing any one, or adding one for a key
/// `[X.p]` does not have, is refused naming the explanation and the key.
#[test]
fn every_figure_of_every_explanation_has_a_basis() {
    let path = "kb/explanations.toml";
    let t = load("explanations.toml");
    let mut checked = 0;
    for (id, e) in &t {
        let e = e.as_table().unwrap();
        keys::check_basis(path, id, e).unwrap();
        let basis = e["basis"].as_table().unwrap();
        let figures: Vec<&str> = std::iter::once("prior")
            .chain(e["p"].as_table().unwrap().keys().map(String::as_str))
            .collect();
        assert_eq!(basis.len(), figures.len(), "[{id}.basis]");
        for k in figures {
            let mut e2 = e.clone();
            e2.get_mut("basis")
                .unwrap()
                .as_table_mut()
                .unwrap()
                .remove(k);
            let err = keys::check_basis(path, id, &e2).unwrap_err();
            assert!(
                err.starts_with(&format!("{path}: [{id}.basis] no basis for {k:?}")),
                "{err}"
            );
            checked += 1;
        }
        let mut e2 = e.clone();
        e2.get_mut("basis")
            .unwrap()
            .as_table_mut()
            .unwrap()
            .insert("weaknes".into(), toml::Value::from("judgement: x"));
        let err = keys::check_basis(path, id, &e2).unwrap_err();
        assert!(
            err.starts_with(&format!("{path}: [{id}.basis] unknown key \"weaknes\"")),
            "{err}"
        );
        let mut e2 = e.clone();
        e2.remove("basis");
        let err = keys::check_basis(path, id, &e2).unwrap_err();
        assert!(err.contains(&format!("no [{id}.basis] table")), "{err}");
    }
    assert!(checked > 300, "only {checked} figures");
}

/// A word shaped like a source id (S000, NICE_NG42, SFE_HYPOCALCAEMIA).
fn id_like(w: &str) -> Option<&str> {
    let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '_');
    let digits = w.len() == 4 && w.starts_with('S') && w[1..].chars().all(|c| c.is_ascii_digit());
    let caps = w.contains('_')
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    (digits || caps).then_some(w)
}

/// A basis is "ids: reason" (ids of kb/sources.toml) or "judgement: reason";
/// every source id it names, first or in its reason, is listed.
#[test]
fn every_basis_cites_only_listed_sources() {
    let sources = load("sources.toml");
    let known = |id: &str| sources.contains_key(id);
    let (mut cited, mut judged) = (0, 0);
    for (id, e) in &load("explanations.toml") {
        for (k, b) in e["basis"].as_table().unwrap() {
            let b = b
                .as_str()
                .unwrap_or_else(|| panic!("[{id}.basis] {k}: not a string"));
            let (head, reason) = b.split_once(": ").unwrap_or_else(|| {
                panic!("[{id}.basis] {k}: {b:?} is not \"ids: reason\" or \"judgement: reason\"")
            });
            assert!(!reason.trim().is_empty(), "[{id}.basis] {k}: no reason");
            if head == "judgement" {
                judged += 1;
            } else {
                for s in head.split(", ") {
                    assert!(
                        known(s),
                        "[{id}.basis] {k}: {s:?} is not in kb/sources.toml"
                    );
                }
                cited += 1;
            }
            for w in reason.split_whitespace().filter_map(id_like) {
                assert!(
                    known(w),
                    "[{id}.basis] {k}: {w:?} is not in kb/sources.toml"
                );
            }
        }
    }
    assert!(cited > 0 && judged > 0, "{cited} cited, {judged} judged");
}

/// Copies what the build reads into `dir` (the crate without tests, docs
/// or the target folder, and the workspace's other crates' manifests and
/// sources, which cargo loads too).
fn copy_crate(dir: &Path) {
    for f in ["Cargo.toml", "Cargo.lock", "build.rs"] {
        std::fs::copy(root().join(f), dir.join(f)).unwrap();
    }
    for d in [
        "kb",
        "src",
        "src/fhir",
        "src/findings",
        "src/interview",
        "src/kb",
        "bench",
        "examples",
        "crates/api",
        "crates/api/src",
        "crates/api/src/wasm",
        "crates/element",
        "crates/element/src",
        "crates/element/tests",
        "crates/fhir",
        "crates/fhir/src",
        "crates/kb-compiler",
        "crates/kb-compiler/src",
        "crates/kb-compiler/src/compile",
        "crates/kb-compiler/src/cond",
        "crates/kb-compiler/src/model",
        "xtask",
        "xtask/src",
    ] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
        for e in std::fs::read_dir(root().join(d)).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_file() {
                std::fs::copy(e.path(), dir.join(d).join(e.file_name())).unwrap();
            }
        }
    }
}

/// The real build, with one key misspelt in each kb file in turn.
#[test]
fn the_build_fails_on_a_misspelt_key_in_each_kb_file() {
    let dir = std::env::temp_dir().join(format!("twitch-triage-kb-keys-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    copy_crate(&dir);
    // (file, what to replace, its misspelling, what the build must say)
    let cases = [
        (
            "sources.toml",
            "publisher = ",
            "publsher = ",
            "kb/sources.toml: [S000] unknown key \"publsher\"",
        ),
        (
            "findings.toml",
            "label.es = \"Edad\"",
            "lable.es = \"Edad\"",
            "kb/findings.toml: [age] unknown key \"lable\"",
        ),
        (
            "questions.toml",
            "ask_if = \"weakness",
            "ask_iff = \"weakness",
            "kb/questions.toml: [sudden_onset] unknown key \"ask_iff\"",
        ),
        (
            "rules.toml",
            "advice.es = \"La dificultad",
            "advice.ess = \"La dificultad",
            "kb/rules.toml: [E1.advice] unknown language \"ess\"",
        ),
        (
            "explanations.toml",
            "[benign_fasciculation.p]\n",
            "[benign_fasciculation.p]\nweaknes = 0.1\n",
            "kb/explanations.toml: [benign_fasciculation.p]: unknown id \"weaknes\"",
        ),
        (
            "ui.toml",
            "title.en = \"Get help now\"",
            "titel.en = \"Get help now\"",
            "kb/ui.toml: [level.emergency] unknown key \"titel\"",
        ),
    ];
    let target = root().join("target").join("kb-keys-check");
    for (file, from, to, want) in cases {
        let path = dir.join("kb").join(file);
        let good = std::fs::read_to_string(root().join("kb").join(file)).unwrap();
        assert!(good.contains(from), "{file} no longer contains {from:?}");
        std::fs::write(&path, good.replacen(from, to, 1)).unwrap();
        build_fails_saying(&dir, &target, want);
        std::fs::write(&path, good).unwrap();
    }
    // A figure without its basis (issue 31): one line of [X.basis] removed.
    let path = dir.join("kb").join("explanations.toml");
    let good = std::fs::read_to_string(&path).unwrap();
    let at = good
        .find("[benign_fasciculation.basis]\n")
        .expect("no [benign_fasciculation.basis]");
    let line = good[at..]
        .lines()
        .find(|l| l.starts_with("weakness = "))
        .expect("no basis for weakness");
    std::fs::write(&path, good.replacen(&format!("{line}\n"), "", 1)).unwrap();
    build_fails_saying(
        &dir,
        &target,
        "kb/explanations.toml: [benign_fasciculation.basis] no basis for \"weakness\"",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `cargo check` of the crate copy at `dir` fails, and its error says `want`.
fn build_fails_saying(dir: &std::path::Path, target: &std::path::Path, want: &str) {
    let out = Command::new(env!("CARGO"))
        .args(["check", "--lib", "--offline", "--quiet"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "the build passed; it should say {want}"
    );
    assert!(stderr.contains(want), "the build said:\n{stderr}");
}
