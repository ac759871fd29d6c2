//! `element.js` decides the language and the emergency number before the
//! module starts (its loading and fallback screens, the first language pack
//! it fetches), with `js/resolve.js`. Here those functions run in a real
//! JavaScript engine against the module's own (`Lang::from_tag`,
//! `emergency_number_for`, `valid_number`) over a table of tags and numbers,
//! so that the two cannot drift. Run with `cargo test -p
//! twitch-triage-element --target wasm32-unknown-unknown --features std
//! --test resolve` (Node; see scripts/test).
#![cfg(target_arch = "wasm32")]

use twitch_triage::kb::{emergency_number_for, Lang, EMERGENCY_NUMBERS};
use twitch_triage_element::resolve::valid_number;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[wasm_bindgen(module = "/js/resolve.js")]
extern "C" {
    #[wasm_bindgen(js_name = tagLang)]
    fn tag_lang(tag: &str) -> Option<String>;
    #[wasm_bindgen(js_name = regionNumber)]
    fn region_number(tag: &str, numbers: &str) -> Option<String>;
    #[wasm_bindgen(js_name = validNumber)]
    fn valid_number_js(number: &str) -> bool;
}

/// Language tags: the odd ones, and each language and region the element
/// knows in several spellings.
fn tags() -> Vec<String> {
    let mut tags: Vec<String> = [
        "",
        "e",
        "en",
        "EN",
        "en-US",
        "en_us",
        "en-GB",
        "en-x-gb",
        "en-US-x-foo",
        "en-u-ca-gb",
        "en--US",
        "-US",
        "es",
        "es-419",
        "es-ES",
        "es_ar",
        "es-MX",
        "zh",
        "zh-Hant",
        "zh-hant-TW",
        "zh-TW",
        "zh-HK",
        "zh-MO",
        "zh-Hans",
        "zh-CN",
        "zh-Hans-TW",
        "zh_hant",
        "fr",
        "fr-CA",
        "de-CH",
        "pt-BR",
        "english",
        "x-US",
        "i-klingon",
        "en-US-US",
        "en-123",
        "en-A1",
    ]
    .map(String::from)
    .to_vec();
    for lang in Lang::ALL {
        tags.push(lang.code().to_string());
        tags.push(lang.code().to_uppercase());
    }
    for entry in EMERGENCY_NUMBERS.split(' ') {
        let region = &entry[..2];
        for lang in ["en", "es", "zh-Hant", "fr"] {
            tags.push(format!("{lang}-{region}"));
            tags.push(format!("{lang}_{}", region.to_lowercase()));
        }
    }
    tags
}

#[wasm_bindgen_test]
fn element_js_picks_the_language_the_module_picks() {
    for tag in tags() {
        assert_eq!(
            tag_lang(&tag).as_deref(),
            Lang::from_tag(&tag).map(Lang::code),
            "{tag:?}"
        );
    }
}

#[wasm_bindgen_test]
fn element_js_picks_the_default_number_the_module_picks() {
    for tag in tags() {
        assert_eq!(
            region_number(&tag, EMERGENCY_NUMBERS).as_deref(),
            emergency_number_for(&tag),
            "{tag:?}"
        );
    }
}

#[wasm_bindgen_test]
fn element_js_takes_the_numbers_the_module_takes() {
    for number in [
        "",
        "1",
        "112",
        "911",
        "10177",
        "000",
        "+1 555 0100",
        "*112#",
        "#",
        "+*#- ",
        "- -",
        "1234567890123456",
        "12345678901234567",
        "abc",
        "112a",
        "1 1 2",
        "١١٢",
        "１１２",
        "1\t2",
        "1.2",
        "(112)",
        "0",
    ] {
        assert_eq!(valid_number_js(number), valid_number(number), "{number:?}");
    }
}
