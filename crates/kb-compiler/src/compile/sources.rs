//! `kb/sources.toml`: the `SOURCES` table, and the sources a rule or an
//! explanation cites, as indices into it.

use std::fmt::Write as _;

use crate::model::*;
use toml::{Table, Value};

/// Writes `SOURCES`; returns the sources' ids, in its order.
pub fn write(w: &mut String, sources_t: &Table) -> Vec<String> {
    let source_ids: Vec<String> = sources_t.keys().cloned().collect();
    writeln!(
        w,
        "pub static SOURCES: [SourceDef; {}] = [",
        source_ids.len()
    )
    .unwrap();
    for (id, v) in sources_t {
        let t = table(v, id);
        // The note is for the people who review the knowledge base
        // (docs/REFERENCES.md says the same): required, but not compiled in,
        // as nothing at run time reads it (about 10 KB of the API's wasm).
        if string(t.get("note"), id).trim().is_empty() {
            fail(&format!("{id}: the note must say what the source says"));
        }
        writeln!(
            w,
            "    SourceDef {{ id: {}, title: {}, publisher: {} }},",
            lit(id),
            lit(string(t.get("title"), id)),
            lit(string(t.get("publisher"), id)),
        )
        .unwrap();
    }
    writeln!(w, "];").unwrap();
    source_ids
}

/// The `sources` of `what` (at least one, each an id of `source_ids`), as
/// the Rust slice of their indices.
pub fn of(source_ids: &[String], v: Option<&Value>, what: &str) -> String {
    let ids = strings(v, &format!("{what}.sources"));
    if ids.is_empty() {
        fail(&format!("{what}: at least one source is required"));
    }
    let idx: Vec<String> = ids
        .iter()
        .map(|s| {
            by_id(source_ids, s, |x| x.as_str(), &format!("{what}.sources"))
                .0
                .to_string()
        })
        .collect();
    format!("&[{}]", idx.join(", "))
}

/// Writes `pub static {name}: [&[u8]; N]`, one row of source indices per
/// rule or explanation (from [`of`]), in their order. Kept apart from
/// `RULES` and `EXPLANATIONS`: only the API's `knowledge()` reads them, so
/// the element's module, which never does, leaves them out.
pub fn write_table(w: &mut String, name: &str, rows: &[String]) {
    super::write_rows(
        w,
        &format!("pub static {name}: [&[u8]; {}] = [", rows.len()),
        rows,
    );
}
