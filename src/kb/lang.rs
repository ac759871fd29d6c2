//! The languages ([`Lang`]: their codes, a BCP 47 tag's language) and the
//! default emergency number for a tag's region.

use alloc::string::String;

use super::{EMERGENCY_NUMBERS, LANG_CODES};
use crate::error::{Error, ErrorKind};

/// A language the texts exist in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
    ZhHant,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::ZhHant];

    /// The BCP 47 tag: `en`, `es`, `zh-Hant`.
    pub fn code(self) -> &'static str {
        LANG_CODES[self as usize]
    }

    /// The supported language for a BCP 47 tag (case-insensitive), if any:
    /// `en-GB` gives English, `es-MX` Spanish, and `zh-Hant`, `zh-TW`,
    /// `zh-HK`, `zh-MO` or plain `zh` Traditional Chinese. Simplified Chinese
    /// (`zh-Hans`, `zh-CN`, `zh-SG`) is not supported.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let mut parts = tag.split(['-', '_']);
        let primary = parts.next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else if primary.eq_ignore_ascii_case("es") {
            Some(Lang::Es)
        } else if primary.eq_ignore_ascii_case("zh") {
            match parts.next() {
                None => Some(Lang::ZhHant),
                Some(sub)
                    if ["hant", "tw", "hk", "mo"]
                        .iter()
                        .any(|x| sub.eq_ignore_ascii_case(x)) =>
                {
                    Some(Lang::ZhHant)
                }
                Some(_) => None,
            }
        } else {
            None
        }
    }

    /// Parses a language code (`en`, `es`, `zh-Hant`, any case); an
    /// unsupported one is an error naming the supported languages.
    pub fn parse(code: &str) -> Result<Lang, Error> {
        for l in Lang::ALL {
            if l.code().eq_ignore_ascii_case(code) {
                return Ok(l);
            }
        }
        let mut expected = String::from("one of the supported languages: ");
        for (i, l) in Lang::ALL.iter().enumerate() {
            if i > 0 {
                expected.push_str(", ");
            }
            expected.push_str(l.code());
        }
        Err(Error::new(
            ErrorKind::UnsupportedLanguage,
            "lang",
            &expected,
        ))
    }
}

/// The number to call for an ambulance in the region a language tag names
/// (`es-MX` 911, `en-GB` 999, `zh-Hant-TW` 119), if the region is listed in
/// `kb/emergency_numbers.toml`: the element's default when the host page
/// sets no `emergency-number`. The region is the first subtag after the
/// language that is two letters (BCP 47); a tag without one gives `None`.
pub fn emergency_number_for(tag: &str) -> Option<&'static str> {
    region_number(tag, EMERGENCY_NUMBERS)
}

/// [`emergency_number_for`] in `table`, a copy of [`EMERGENCY_NUMBERS`]
/// (region and number, space-separated: `"GB999 US911"`). The element's
/// module is given `element.js`'s copy, which that file needs for its own
/// screens, and so does not carry the table twice.
pub fn region_number<'a>(tag: &str, table: &'a str) -> Option<&'a str> {
    // Bytes, not `split`: the element's build stays small.
    let region = tag
        .as_bytes()
        .split(|&b| b == b'-' || b == b'_')
        .skip(1)
        .take_while(|s| s.len() > 1)
        .find(|s| s.len() == 2 && s.iter().all(u8::is_ascii_alphabetic))?;
    table
        .split(' ')
        .find(|e| e.len() > 2 && e.as_bytes()[..2].eq_ignore_ascii_case(region))
        .and_then(|e| e.get(2..))
}
