//! The fuzzers' kept corpus (fuzz/corpus/), replayed natively through the
//! same harnesses as regression tests.
#![cfg(not(target_arch = "wasm32"))]

include!("../fuzz/harness.rs");

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| run(&data));
        assert!(result.is_ok(), "{} fails", path.display());
        n += 1;
    }
    n
}

#[test]
fn the_findings_corpus_passes() {
    let n = replay("findings_json", findings_json);
    println!("findings_json: {n} inputs");
    assert!(n > 0);
}

#[test]
fn the_interview_corpus_passes() {
    let n = replay("interview_commands", interview_commands);
    println!("interview_commands: {n} inputs");
    assert!(n > 0);
}
