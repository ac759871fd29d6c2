#![cfg(not(target_arch = "wasm32"))]
//! The build refuses a misuse of rule C1's two keys (`yields_to`,
//! `always_leads`; docs/reviews/c1-cross-level-lead.md) and a rule table too
//! large for a fired rule's byte, naming the rule and what is wrong.
//!
//! Each case runs the kb compiler itself (`compile()`, what `build.rs`
//! runs) on a copy of `kb/` with `kb/rules.toml` changed, and checks the
//! build's message; the unchanged copy compiles. `tests/rules.rs` checks
//! the compiled tables against the same conditions; this checks that the
//! build stops a kb that breaks them. (One test in its own binary: it
//! changes the process's working directory and `OUT_DIR`.)

use std::panic;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the kb compiler in the current directory; its panic message, if any.
/// (Its refusals are panics: their default report is silenced while it
/// runs, and their text returned.)
fn compile_message() -> Option<String> {
    let report = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let result = panic::catch_unwind(twitch_triage_kb_compiler::compile);
    panic::set_hook(report);
    result.err().map(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

/// The rules' tables of `rules.toml`, by id (not `[define]`).
fn rules(t: &toml::Table) -> impl Iterator<Item = (&String, &toml::Table)> {
    t.iter()
        .filter(|(k, _)| k.as_str() != "define")
        .map(|(k, v)| (k, v.as_table().unwrap()))
}

fn names(v: Option<&toml::Value>) -> Vec<String> {
    v.and_then(toml::Value::as_array)
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

#[test]
fn the_build_refuses_misused_c1_keys_and_too_many_rules() {
    let dir =
        std::env::temp_dir().join(format!("twitch-triage-kb-refusals-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("kb")).unwrap();
    std::fs::create_dir_all(dir.join("out")).unwrap();
    for e in std::fs::read_dir(root().join("kb")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join("kb").join(e.file_name())).unwrap();
    }
    std::env::set_current_dir(&dir).unwrap();
    std::env::set_var("OUT_DIR", dir.join("out"));

    let good: toml::Table = std::fs::read_to_string("kb/rules.toml")
        .unwrap()
        .parse()
        .unwrap();
    let expl: toml::Table = std::fs::read_to_string("kb/explanations.toml")
        .unwrap()
        .parse()
        .unwrap();
    let src = std::fs::read_to_string("kb/rules.toml").unwrap();
    let write = |s: &str| std::fs::write("kb/rules.toml", s).unwrap();

    // The copy as it is compiles (so every refusal below is the change's).
    write(&src);
    assert_eq!(compile_message(), None);

    // Ids the cases need, read from the real kb: an emergency rule that
    // yields, one that always leads, an urgent rule, a self-care
    // explanation, and one no urgent rule names.
    let find = |key: &str| {
        rules(&good)
            .find(|(_, r)| r.contains_key(key))
            .map(|(id, _)| id.clone())
            .unwrap_or_else(|| panic!("no rule has {key}"))
    };
    let (yielding, leading) = (find("yields_to"), find("always_leads"));
    let urgent = rules(&good)
        .find(|(_, r)| r["level"].as_str() == Some("urgent"))
        .map(|(id, _)| id.clone())
        .unwrap();
    let urgent_named: Vec<String> = rules(&good)
        .filter(|(_, r)| r["level"].as_str() == Some("urgent"))
        .flat_map(|(_, r)| names(r.get("for")))
        .collect();
    let level = |id: &str| expl[id].get("level").and_then(toml::Value::as_str);
    let self_care = expl
        .keys()
        .find(|id| level(id) == Some("self_care"))
        .unwrap()
        .clone();
    let own = names(good[&yielding].get("for"));
    let unnamed = expl
        .keys()
        .find(|id| {
            !urgent_named.contains(id) && !own.contains(id) && level(id) != Some("self_care")
        })
        .expect("every explanation is named by an urgent rule")
        .clone();
    let first_yield = names(good[&yielding].get("yields_to"))[0].clone();

    // Text edits of kb/rules.toml (the build reads the file as written).
    // A key set in rule `id`'s table: its line replaced, or added under
    // the table's header.
    let set = |id: &str, key: &str, value: &str| -> String {
        let head = format!("\n[{id}]\n");
        let at = src.find(&head).unwrap_or_else(|| panic!("no [{id}]")) + head.len();
        let end = src[at..].find("\n[").map_or(src.len(), |e| at + e + 1);
        let body = &src[at..end];
        let line = format!("{key} = {value}\n");
        let body = match body.lines().find(|l| l.starts_with(&format!("{key} = "))) {
            Some(old) => body.replacen(&format!("{old}\n"), &line, 1),
            None => format!("{line}{body}"),
        };
        format!("{}{body}{}", &src[..at], &src[end..])
    };
    let list = |ids: &[&str]| format!("{ids:?}");
    let not_for_emergency =
        "`always_leads` and `yields_to` are for an emergency rule that names explanations (`for`)";
    let cases: Vec<(String, String, String)> = vec![
        (
            format!("yields_to on an urgent rule ({urgent})"),
            set(&urgent, "yields_to", &list(&[&first_yield])),
            format!("rule {urgent}: {not_for_emergency}"),
        ),
        (
            format!("always_leads on an urgent rule ({urgent})"),
            set(&urgent, "always_leads", "true"),
            format!("rule {urgent}: {not_for_emergency}"),
        ),
        (
            format!("yields_to on an emergency rule that names no cause ({yielding})"),
            set(&yielding, "for", "[]"),
            format!("rule {yielding}: {not_for_emergency}"),
        ),
        (
            format!("both keys on one rule ({leading})"),
            set(&leading, "yields_to", &list(&[&first_yield])),
            format!("rule {leading}: a rule that always leads yields to nothing"),
        ),
        (
            format!("a cause listed twice ({yielding})"),
            set(&yielding, "yields_to", &list(&[&first_yield, &first_yield])),
            format!("rule {yielding}.yields_to: {first_yield} twice"),
        ),
        (
            format!("a cause of its own `for` ({yielding})"),
            set(&yielding, "yields_to", &list(&[&own[0]])),
            format!("rule {yielding}.yields_to: {} is in its own `for`", own[0]),
        ),
        (
            format!("a self-care explanation ({self_care})"),
            set(&yielding, "yields_to", &list(&[&self_care])),
            format!("rule {yielding}.yields_to: {self_care} is a self-care explanation"),
        ),
        (
            format!("a cause no urgent rule names ({unnamed})"),
            set(&yielding, "yields_to", &list(&[&unnamed])),
            format!("rule {yielding}.yields_to: no urgent rule names {unnamed}"),
        ),
        (
            "an explanation id that does not exist".to_string(),
            set(&yielding, "yields_to", &list(&["infection_rigor"])),
            format!("rule {yielding}.yields_to: unknown id \"infection_rigor\""),
        ),
    ];
    for (what, changed, want) in &cases {
        write(changed);
        let msg = compile_message().unwrap_or_else(|| panic!("{what}: the build passed"));
        assert!(
            msg.starts_with("knowledge base error: ") && msg.contains(want.as_str()),
            "{what}: the build said {msg:?}, not {want:?}"
        );
    }

    // 256 rules compile; 257 do not. (Copies of a routine rule with a
    // condition, added at the end, where routine rules are.)
    let (routine, r) = rules(&good)
        .find(|(_, r)| r["level"].as_str() == Some("routine") && r.contains_key("when"))
        .unwrap();
    let head = format!("\n[{routine}]\n");
    let at = src.find(&head).unwrap() + 1;
    let end = src[at + 1..]
        .find("\n[")
        .map_or(src.len(), |e| at + 1 + e + 1);
    let block = &src[at + head.len() - 1..end];
    assert!(block.contains("when = ") && r.contains_key("advice"));
    let with_rules = |n: usize| {
        let mut s = src.clone();
        for i in rules(&good).count()..n {
            s.push_str(&format!("\n[R9{i:03}]\n{block}"));
        }
        s
    };
    write(&with_rules(256));
    assert_eq!(compile_message(), None, "256 rules");
    write(&with_rules(257));
    let msg = compile_message().expect("257 rules: the build passed");
    assert!(
        msg.contains("more than 256 rules: a fired rule keeps its index in a byte"),
        "{msg}"
    );

    std::env::set_current_dir(root()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}
