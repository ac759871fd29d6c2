//! The texts as the build script collects them ([`Texts`]: every text id
//! with its wording in each language, checked), and the language packs'
//! format (separator, header, fingerprint).

use toml::Value;

use super::{fail, LANGS};

/// Separates the texts of a language pack: a character no text needs, and
/// one a JavaScript string literal keeps as it is (the packs ship as ES
/// modules; a control character would be written as a six-letter escape).
pub const PACK_SEPARATOR: char = '|';
/// How a language pack's header begins (format version 2); the language
/// code and the build's stamp follow.
pub const PACK_PREFIX: &str = "twitch-triage texts 2 ";

/// FNV-1a (64 bits) of the text ids, in order: a language pack built for
/// another version of the knowledge base has another fingerprint.
pub fn fingerprint(ids: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for id in ids {
        for b in id.bytes().chain(std::iter::once(b'\n')) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Every text with its id and its wording in each language.
#[derive(Default)]
pub struct Texts {
    pub ids: Vec<String>,
    pub by_lang: Vec<Vec<String>>,
}

impl Texts {
    /// Registers `{ en = "...", ... }` found at `v` under the id `id`.
    pub fn add(&mut self, id: &str, v: Option<&Value>) -> usize {
        let t = v
            .and_then(Value::as_table)
            .unwrap_or_else(|| fail(&format!("{id}: expected a table of texts by language")));
        let mut row = Vec::new();
        for lang in LANGS {
            let s = t
                .get(*lang)
                .and_then(Value::as_str)
                .unwrap_or_else(|| fail(&format!("{id}: no text for language {lang:?}")));
            if s.trim().is_empty() {
                fail(&format!("{id}: empty text for language {lang:?}"));
            }
            if s.contains(PACK_SEPARATOR) {
                fail(&format!(
                    "{id}: texts may not contain the pack separator {PACK_SEPARATOR:?}"
                ));
            }
            row.push(s.to_string());
        }
        for k in t.keys() {
            if !LANGS.contains(&k.as_str()) {
                fail(&format!("{id}: unknown language {k:?}"));
            }
        }
        self.push(id, row)
    }

    /// Registers a list of texts `{ en = ["..", ".."] }`; every language must
    /// have the same number of items.
    pub fn add_list(&mut self, id: &str, v: Option<&Value>) -> Vec<usize> {
        let t = v
            .and_then(Value::as_table)
            .unwrap_or_else(|| fail(&format!("{id}: expected a table of text lists by language")));
        let lists: Vec<Vec<String>> = LANGS
            .iter()
            .map(|lang| {
                t.get(*lang)
                    .and_then(Value::as_array)
                    .unwrap_or_else(|| fail(&format!("{id}: no list for language {lang:?}")))
                    .iter()
                    .map(|s| {
                        s.as_str()
                            .filter(|s| !s.trim().is_empty())
                            .unwrap_or_else(|| {
                                fail(&format!("{id}: list items must be non-empty strings"))
                            })
                            .to_string()
                    })
                    .collect()
            })
            .collect();
        let n = lists[0].len();
        if n == 0 || lists.iter().any(|l| l.len() != n) {
            fail(&format!(
                "{id}: every language needs the same, non-zero number of items"
            ));
        }
        (0..n)
            .map(|i| {
                self.push(
                    &format!("{id}.{i}"),
                    lists.iter().map(|l| l[i].clone()).collect(),
                )
            })
            .collect()
    }

    fn push(&mut self, id: &str, row: Vec<String>) -> usize {
        if self.ids.iter().any(|x| x == id) {
            fail(&format!("text id {id} defined twice"));
        }
        if self.by_lang.is_empty() {
            self.by_lang = vec![Vec::new(); LANGS.len()];
        }
        for (l, s) in row.into_iter().enumerate() {
            self.by_lang[l].push(s);
        }
        self.ids.push(id.to_string());
        self.ids.len() - 1
    }
}
