//! `kb/ui.toml`'s texts for the interfaces: each level's title and action
//! (`LEVEL_TEXTS`) and the interface texts by name (`t::…`). Its `[export]`
//! texts are written by `emit.rs`.

use std::fmt::Write as _;

use super::{write_rows, LEVELS};
use crate::model::*;
use toml::Table;

/// Writes `LEVEL_TEXTS` and `t`.
pub fn write(w: &mut String, ui_t: &Table, texts: &mut Texts) {
    let levels_t = ui_t
        .get("level")
        .map(|v| table(v, "level"))
        .unwrap_or_else(|| fail("ui: no [level] table"));
    let mut level_rows = Vec::new();
    for l in LEVELS {
        let lt = levels_t
            .get(*l)
            .map(|v| table(v, l))
            .unwrap_or_else(|| fail(&format!("ui: no texts for level {l}")));
        let title = texts.add(&format!("level.{l}.title"), lt.get("title"));
        let action = texts.add(&format!("level.{l}.action"), lt.get("action"));
        level_rows.push(format!(
            "    LevelText {{ title: {title}, action: {action} }},"
        ));
    }
    write_rows(
        w,
        "/// Texts of each level, in the order of `Level`.\npub static LEVEL_TEXTS: [LevelText; 4] = [",
        &level_rows,
    );
    writeln!(
        w,
        "/// Interface texts by name.\n#[allow(dead_code)]\npub mod t {{\n    use super::TextId;"
    )
    .unwrap();
    let ui_texts = ui_t
        .get("text")
        .map(|v| table(v, "text"))
        .unwrap_or_else(|| fail("ui: no [text] table"));
    for (k, v) in ui_texts {
        let i = texts.add(&format!("ui.{k}"), Some(v));
        writeln!(w, "    pub const {}: TextId = {i};", k.to_uppercase()).unwrap();
    }
    writeln!(w, "}}").unwrap();
}
