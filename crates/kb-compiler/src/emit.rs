//! The last parts of the core's generated tables: the texts only the FHIR
//! export uses (`[export]` of `kb/ui.toml`, compiled in), the emergency
//! numbers by region (`kb/emergency_numbers.toml`, checked), and every text
//! by id with the language packs made from them
//! (`$OUT_DIR/texts/<lang>.txt`).

use std::fmt::Write as _;

use crate::model::*;

/// `EXPORT_TEXTS` and their names (`x::…`): the texts of `[export]` in
/// `kb/ui.toml`, in every language, compiled in rather than put in the
/// packs: only the FHIR export's module reads them, so the element's pages
/// do not carry them.
pub fn export_texts(w: &mut String, ui: &toml::Table) {
    let mut all = Texts::default();
    let mut names = Vec::new();
    if let Some(t) = ui.get("export") {
        for (k, v) in table(t, "export") {
            names.push((k.to_uppercase(), all.add(&format!("export.{k}"), Some(v))));
        }
    }
    writeln!(
        w,
        "/// Texts only the FHIR export uses, by language (`Lang` order), compiled in.\n\
         pub static EXPORT_TEXTS: [[&str; {}]; {}] = [",
        LANGS.len(),
        names.len()
    )
    .unwrap();
    for i in 0..names.len() {
        let row: Vec<String> = (0..LANGS.len()).map(|l| lit(&all.by_lang[l][i])).collect();
        writeln!(w, "    [{}],", row.join(", ")).unwrap();
    }
    writeln!(
        w,
        "];\n/// The names of `EXPORT_TEXTS`.\n#[allow(dead_code)]\npub mod x {{"
    )
    .unwrap();
    for (name, i) in names {
        writeln!(w, "    pub const {name}: usize = {i};").unwrap();
    }
    writeln!(w, "}}").unwrap();
}

/// `EMERGENCY_NUMBERS`: the regions whose number is not 112, and theirs.
pub fn emergency_numbers(w: &mut String) {
    let numbers_t = load("kb/emergency_numbers.toml");
    let mut numbers = Vec::new();
    for (region, v) in &numbers_t {
        let what = format!("kb/emergency_numbers.toml: [{region}]");
        if region.len() != 2 || !region.bytes().all(|b| b.is_ascii_uppercase()) {
            fail(&format!(
                "{what}: a region is an ISO 3166-1 code of two capital letters"
            ));
        }
        let t = table(v, &what);
        let number = string(t.get("number"), &what);
        if number.is_empty() || number.len() > 6 || !number.bytes().all(|b| b.is_ascii_digit()) {
            fail(&format!(
                "{what}: a number is 1 to 6 digits, not {number:?}"
            ));
        }
        string(t.get("note"), &what);
        let sources = strings(t.get("sources"), &what);
        if sources.is_empty() || !sources.iter().all(|u| u.starts_with("http")) {
            fail(&format!("{what}: at least one source, each a web address"));
        }
        // 112 is the default anyway (with its own note): the table carries
        // only the regions that need another number.
        if number != "112" {
            numbers.push(format!("{region}{number}"));
        }
    }
    numbers.sort();
    writeln!(
        w,
        "/// The number to call for an ambulance by region (kb/emergency_numbers.toml),\n\
         /// where it is not 112, the default: region code and number, separated by\n\
         /// spaces, sorted. `crates/element/js/emergency-numbers.js`\n\
         /// carries the same string for the element's fallback (tests/languages.rs checks it).\n\
         pub const EMERGENCY_NUMBERS: &str = {:?};",
        numbers.join(" ")
    )
    .unwrap();
}

/// The texts' ids and wording (`TEXT_IDS`, `TEXTS_<LANG>`), the packs'
/// header (`PACK_STAMP`, ...), and the packs themselves, written to
/// `$OUT_DIR/texts/` (cargo is told where: `links` metadata).
pub fn texts_and_packs(w: &mut String, texts: &Texts) {
    writeln!(w, "pub const TEXT_COUNT: usize = {};", texts.ids.len()).unwrap();
    writeln!(
        w,
        "/// The id of every text (`finding.age.label`, ...), for reviews and tests."
    )
    .unwrap();
    writeln!(
        w,
        "pub static TEXT_IDS: [&str; TEXT_COUNT] = [{}];",
        texts
            .ids
            .iter()
            .map(|s| lit(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
    writeln!(
        w,
        "pub const LANG_CODES: [&str; {}] = [{}];",
        LANGS.len(),
        LANGS.iter().map(|s| lit(s)).collect::<Vec<_>>().join(", ")
    )
    .unwrap();
    // A pack's header ends with this build's number of texts and the
    // fingerprint of their ids: a pack from another build is refused.
    let stamp = format!("{} {:016x}", texts.ids.len(), fingerprint(&texts.ids));
    writeln!(
        w,
        "/// How a language pack's header ends: the number of texts and the\n\
         /// fingerprint of their ids; a pack must carry the same.\n\
         pub const PACK_STAMP: &str = {stamp:?};"
    )
    .unwrap();
    writeln!(w, "/// Separates the texts of a language pack.\npub const PACK_SEPARATOR: char = {PACK_SEPARATOR:?};").unwrap();
    writeln!(w, "/// How a language pack's header begins; the language code follows.\npub const PACK_PREFIX: &str = {PACK_PREFIX:?};").unwrap();
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::create_dir_all(out_dir.join("texts")).unwrap();
    // For the build scripts of the crates that depend on this one (`links`
    // in Cargo.toml): DEP_TWITCH_TRIAGE_KB_TEXTS, the packs' directory.
    println!("cargo:texts={}", out_dir.join("texts").display());
    for (l, lang) in LANGS.iter().enumerate() {
        writeln!(
            w,
            "pub static TEXTS_{}: [&str; TEXT_COUNT] = [{}];",
            lang.to_uppercase().replace('-', "_"),
            texts.by_lang[l]
                .iter()
                .map(|s| lit(s))
                .collect::<Vec<_>>()
                .join(", ")
        )
        .unwrap();
        // The language pack: a header line, then the texts in id order.
        let mut pack = format!("{PACK_PREFIX}{lang} {stamp}\n");
        pack.push_str(&texts.by_lang[l].join(&PACK_SEPARATOR.to_string()));
        std::fs::write(out_dir.join("texts").join(format!("{lang}.txt")), pack).unwrap();
    }
}
