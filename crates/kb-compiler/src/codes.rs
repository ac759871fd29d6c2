//! SNOMED CT codes for the FHIR export (`src/fhir.rs`): a finding or an
//! explanation may name one, as `snomed = "17450006 |Myoclonus|"` (the code
//! and its term, in SNOMED's compositional grammar). Every code must be
//! listed in `[SNOMED_CT.checked]` of `kb/sources.toml` with the address of
//! the published page it was checked against, and the term must be the one
//! listed there: a code nobody checked is a build error.
//!
//! The codes go into tables of their own (`FINDING_SNOMED`,
//! `EXPLANATION_SNOMED`), not into the findings' and explanations' rows, so
//! that the element's WebAssembly, which has no export, carries none of them.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use toml::Table;

use crate::model::{fail, string, table};

/// `code |term|`, checked: digits, then the term between bars.
pub fn parse(s: &str, what: &str) -> (String, String) {
    let bad = || -> ! { fail(&format!("{what}: expected \"<code> |<term>|\", got {s:?}")) };
    let (code, rest) = s.split_once(' ').unwrap_or_else(|| bad());
    let term = rest
        .strip_prefix('|')
        .and_then(|r| r.strip_suffix('|'))
        .unwrap_or_else(|| bad());
    if !is_code(code) || term.is_empty() {
        bad();
    }
    (code.to_string(), term.to_string())
}

/// Whether `s` looks like a SNOMED CT concept id: 6 to 18 digits.
fn is_code(s: &str) -> bool {
    (6..=18).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// The checked codes: `[SNOMED_CT.checked]`, code -> (term, the address of
/// the page it was checked on, from `[SNOMED_CT.pages]`).
pub fn checked(sources: &Table) -> BTreeMap<String, (String, String)> {
    let Some(s) = sources.get("SNOMED_CT") else {
        return BTreeMap::new();
    };
    let s = table(s, "SNOMED_CT");
    let what = "kb/sources.toml: [SNOMED_CT.checked]";
    let part = |key: &str| {
        s.get(key)
            .map(|t| table(t, key))
            .unwrap_or_else(|| fail(&format!("kb/sources.toml: [SNOMED_CT.{key}] is missing")))
    };
    let pages = part("pages");
    part("checked")
        .iter()
        .map(|(code, v)| {
            if !is_code(code) {
                fail(&format!("{what}: {code:?} is not a SNOMED CT code (6 to 18 digits)"));
            }
            let entry = string(Some(v), &format!("{what} {code}"));
            let (term, page) = entry.split_once(" | ").unwrap_or_else(|| {
                fail(&format!("{what} {code}: expected \"<term> | <page>\", a page of [SNOMED_CT.pages]"))
            });
            let url = pages
                .get(page)
                .map(|u| string(Some(u), &format!("[SNOMED_CT.pages] {page}")))
                .filter(|u| u.starts_with("https://"))
                .unwrap_or_else(|| {
                    fail(&format!("{what} {code}: {page:?} is not a page of [SNOMED_CT.pages] with an https address"))
                });
            (code.clone(), (term.to_string(), url.to_string()))
        })
        .collect()
}

/// The `snomed` of each entry of `t` (in its order), checked against `checked`.
fn codes_of(
    t: &Table,
    file: &str,
    checked: &BTreeMap<String, (String, String)>,
) -> Vec<Option<(String, String)>> {
    t.iter()
        .map(|(id, v)| {
            let what = format!("{file}: [{id}] snomed");
            let s = table(v, id).get("snomed")?;
            let (code, term) = parse(string(Some(s), &what), &what);
            match checked.get(&code) {
                None => fail(&format!(
                    "{what}: {code} is not in [SNOMED_CT.checked] of kb/sources.toml (check it against a published page, and list it there with the page's address)"
                )),
                Some((t, _)) if *t != term => fail(&format!(
                    "{what}: the term {term:?} is not the one checked for {code} ({t:?})"
                )),
                Some(_) => Some((code, term)),
            }
        })
        .collect()
}

fn table_rust(w: &mut String, name: &str, rows: &[Option<(String, String)>]) {
    writeln!(w, "pub static {name}: [Option<Snomed>; {}] = [", rows.len()).unwrap();
    for r in rows {
        match r {
            None => writeln!(w, "    None,").unwrap(),
            Some((code, term)) => writeln!(
                w,
                "    Some(Snomed {{ code: {code:?}, display: {term:?} }}),"
            )
            .unwrap(),
        }
    }
    writeln!(w, "];").unwrap();
}

/// Writes `FINDING_SNOMED` and `EXPLANATION_SNOMED`, parallel to `FINDINGS`
/// and `EXPLANATIONS`. Two explanations may not share a code: the export
/// reads an explanation back from its code.
pub fn write(w: &mut String, sources: &Table, findings: &Table, explanations: &Table) {
    let checked = checked(sources);
    let f = codes_of(findings, "kb/findings.toml", &checked);
    let e = codes_of(explanations, "kb/explanations.toml", &checked);
    let mut seen = BTreeMap::new();
    for (id, c) in explanations.keys().zip(&e) {
        if let Some((code, _)) = c {
            if let Some(other) = seen.insert(code.clone(), id.clone()) {
                fail(&format!(
                    "kb/explanations.toml: [{id}] and [{other}] both have the SNOMED CT code {code}"
                ));
            }
        }
    }
    writeln!(
        w,
        "/// Every SNOMED CT code checked against a published page (kb/sources.toml), with its term."
    )
    .unwrap();
    writeln!(
        w,
        "pub static SNOMED_CHECKED: [Snomed; {}] = [",
        checked.len()
    )
    .unwrap();
    for (code, (term, _)) in &checked {
        writeln!(w, "    Snomed {{ code: {code:?}, display: {term:?} }},").unwrap();
    }
    writeln!(w, "];").unwrap();
    writeln!(
        w,
        "/// Each finding's SNOMED CT code, if it has a well-known one (kb/findings.toml)."
    )
    .unwrap();
    table_rust(w, "FINDING_SNOMED", &f);
    writeln!(
        w,
        "/// Each explanation's SNOMED CT code, if it has a well-known one (kb/explanations.toml)."
    )
    .unwrap();
    table_rust(w, "EXPLANATION_SNOMED", &e);
}

/// For tests: a value of `t` as TOML (parse errors name the input).
#[cfg(test)]
fn toml(s: &str) -> Table {
    s.parse::<Table>().expect("test TOML")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_digits_then_its_term_between_bars() {
        assert_eq!(
            parse("17450006 |Myoclonus|", "t"),
            ("17450006".to_string(), "Myoclonus".to_string())
        );
    }

    #[test]
    #[should_panic(expected = "\"misspelt_key\" is not a SNOMED CT code")]
    fn a_checked_entry_that_is_not_a_code_is_refused() {
        checked(&toml(
            "[SNOMED_CT]\nchecked.misspelt_key = \"x | X\"\npages.X = \"https://example.org/x\"\n",
        ));
    }

    #[test]
    fn checked_codes_carry_their_term_and_the_page_they_were_checked_on() {
        let s = toml("[SNOMED_CT]\nchecked.17450006 = \"Myoclonus | X\"\npages.X = \"https://example.org/x\"\n");
        let c = checked(&s);
        assert_eq!(c["17450006"].0, "Myoclonus");
        assert_eq!(c["17450006"].1, "https://example.org/x");
        let f = toml("[a]\nsnomed = \"17450006 |Myoclonus|\"\n[b]\n");
        let mut w = String::new();
        write(&mut w, &s, &f, &toml(""));
        assert!(
            w.contains("Some(Snomed { code: \"17450006\", display: \"Myoclonus\" }),\n    None,"),
            "{w}"
        );
    }
}
