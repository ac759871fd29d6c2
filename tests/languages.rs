//! Every text exists in English, Spanish and Traditional Chinese, with no
//! empty strings and no English left in the other two.

use twitch_triage::kb::{
    parse_pack, text, Lang, TextId, TEXTS_EN, TEXTS_ES, TEXTS_ZH_HANT, TEXT_COUNT, TEXT_IDS,
};
use twitch_triage::{classify, Findings, Input, Interview};

/// Texts that are rightly the same in Spanish as in English: words spelled
/// the same in both languages.
const SAME_IN_SPANISH: &[&str] = &["No", "Diabetes"];

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

#[test]
fn every_text_exists_in_every_language() {
    assert_eq!(TEXT_IDS.len(), TEXT_COUNT);
    for (i, id) in TEXT_IDS.iter().enumerate() {
        for (lang, table) in [
            ("en", &TEXTS_EN),
            ("es", &TEXTS_ES),
            ("zh-Hant", &TEXTS_ZH_HANT),
        ] {
            assert!(!table[i].trim().is_empty(), "{id} is empty in {lang}");
        }
    }
}

/// A text without its placeholders (`{number}`, `{text}`): what is left to translate.
fn words(t: &str) -> String {
    let mut out = String::new();
    let mut rest = t;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        rest = after.split_once('}').map_or("", |(_, r)| r);
    }
    out + rest
}

#[test]
fn no_english_is_left_in_spanish_or_chinese() {
    let mut leftovers = Vec::new();
    for (i, id) in TEXT_IDS.iter().enumerate() {
        let (en, es, zh) = (TEXTS_EN[i], TEXTS_ES[i], TEXTS_ZH_HANT[i]);
        // Punctuation and placeholders only (a separator, " ({text})") have
        // nothing to translate.
        if !words(en).chars().any(char::is_alphabetic) {
            continue;
        }
        if es == en && !SAME_IN_SPANISH.contains(&en) {
            leftovers.push(format!("es {id}: {es:?}"));
        }
        if zh == en || !zh.chars().any(is_cjk) {
            leftovers.push(format!("zh-Hant {id}: {zh:?}"));
        }
    }
    assert!(
        leftovers.is_empty(),
        "English left in translations:\n{}",
        leftovers.join("\n")
    );
}

#[test]
fn placeholders_are_kept_in_every_language() {
    for (i, id) in TEXT_IDS.iter().enumerate() {
        for ph in ["{n}", "{number}", "{text}"] {
            let in_en = TEXTS_EN[i].contains(ph);
            assert_eq!(TEXTS_ES[i].contains(ph), in_en, "{id}: {ph} in es");
            assert_eq!(
                TEXTS_ZH_HANT[i].contains(ph),
                in_en,
                "{id}: {ph} in zh-Hant"
            );
        }
    }
}

#[test]
fn the_language_packs_hold_the_same_texts() {
    for (pack, lang, table) in [
        (
            include_str!(concat!(env!("OUT_DIR"), "/texts/en.txt")),
            Lang::En,
            &TEXTS_EN,
        ),
        (
            include_str!(concat!(env!("OUT_DIR"), "/texts/es.txt")),
            Lang::Es,
            &TEXTS_ES,
        ),
        (
            include_str!(concat!(env!("OUT_DIR"), "/texts/zh-Hant.txt")),
            Lang::ZhHant,
            &TEXTS_ZH_HANT,
        ),
    ] {
        let (l, texts) = parse_pack(pack).unwrap();
        assert_eq!(l, lang);
        assert_eq!(texts, table.to_vec());
    }
    assert!(
        parse_pack("twitch-triage texts 2 en 2 0\na|b").is_err(),
        "another build's pack is refused"
    );
    assert!(parse_pack("not a pack").is_err());
    // The header must match this build's exactly: no stamp, an older format
    // or an unknown language is refused with a message saying which.
    let en = include_str!(concat!(env!("OUT_DIR"), "/texts/en.txt"));
    let (header, body) = en.split_once('\n').unwrap();
    let stamp = twitch_triage::kb::PACK_STAMP;
    assert_eq!(header, format!("twitch-triage texts 2 en {stamp}"));
    let (count, _) = stamp.split_once(' ').unwrap();
    for (pack, says) in [
        (format!("twitch-triage texts 2 en\n{body}"), "this version"),
        (
            format!("twitch-triage texts 2 en {count}\n{body}"),
            "this version",
        ),
        (
            format!("twitch-triage texts 1 en {stamp}\n{body}"),
            "version 2",
        ),
        (
            format!("twitch-triage texts 2 xx {stamp}\n{body}"),
            "supported languages",
        ),
        (
            format!("twitch-triage texts 2 en {stamp}\n{body}|extra"),
            "every text",
        ),
    ] {
        let e = parse_pack(&pack).unwrap_err();
        assert!(e.to_string().contains(says), "{e} (for {:?})", &pack[..50]);
    }
    assert_eq!(
        parse_pack(&format!("twitch-triage texts 2 en {stamp}\n{body}"))
            .unwrap()
            .0,
        Lang::En
    );
}

#[test]
fn language_tags_and_codes() {
    assert_eq!(Lang::parse("zh-hant").unwrap(), Lang::ZhHant);
    assert_eq!(Lang::parse("ES").unwrap(), Lang::Es);
    let e = Lang::parse("zh-Hans").unwrap_err();
    assert!(e.message.contains("en, es, zh-Hant"), "{e}");
    for (tag, want) in [
        ("en-GB", Some(Lang::En)),
        ("es-419", Some(Lang::Es)),
        ("zh-TW", Some(Lang::ZhHant)),
        ("zh-Hant-HK", Some(Lang::ZhHant)),
        ("zh", Some(Lang::ZhHant)),
        ("zh-CN", None),
        ("zh-Hans", None),
        ("fr", None),
        ("", None),
    ] {
        assert_eq!(Lang::from_tag(tag), want, "{tag}");
    }
}

#[test]
fn results_and_questions_come_in_the_chosen_language() {
    let mut f = Findings::new();
    f.set(twitch_triage::kb::f::AGE, twitch_triage::Value::Int(30))
        .unwrap();
    for (lang, word) in [
        (Lang::En, "doctor"),
        (Lang::Es, "médico"),
        (Lang::ZhHant, "醫生"),
    ] {
        let a = twitch_triage::classify_in(&f, lang);
        assert!(
            a.advice.iter().any(|x| x.contains(word)),
            "{lang:?}: {:?}",
            a.advice
        );
        let iv = Interview::new(lang);
        let q = iv.next().unwrap();
        assert_eq!(q.text, text(lang, twitch_triage::kb::QUESTIONS[0].text));
    }
    // The same answers give the same result in every language, apart from the words.
    let mut iv = Interview::new(Lang::Es);
    iv.answer("emergency_signs", &Input::List(vec![])).unwrap();
    let es = iv.result();
    iv.set_lang(Lang::En);
    let en = iv.result();
    assert_eq!(
        (es.triage, es.explanations[0].id),
        (en.triage, en.explanations[0].id)
    );
    assert_ne!(es.advice, en.advice);
    let _ = classify(&f);
}

#[test]
fn the_summary_is_in_the_chosen_language() {
    for (lang, title) in [
        (Lang::En, "Twitching: summary for a doctor"),
        (Lang::Es, "Contracciones musculares: resumen para el médico"),
        (Lang::ZhHant, "肌肉抽動：給醫生的摘要"),
    ] {
        let mut iv = Interview::new(lang);
        iv.answer("emergency_signs", &Input::from(vec!["chest_pain"]))
            .unwrap();
        let s = twitch_triage::summary::plain_text(&iv, &iv.result(), "112");
        assert!(s.starts_with(title), "{s}");
        let id: TextId = twitch_triage::kb::FindingId::by_name("chest_pain")
            .unwrap()
            .def()
            .label;
        assert!(s.contains(text(lang, id)), "{s}");
    }
}

#[test]
fn a_typed_age_may_use_full_width_digits() {
    use twitch_triage::findings::typed_whole_number;
    // Chinese and Japanese input methods type full-width digits, and
    // sometimes the ideographic space (U+3000) around them.
    for (typed, n) in [
        ("34", 34),
        (" 34 ", 34),
        ("３４", 34),
        ("\u{3000}３４\u{3000}", 34),
        ("3４", 34),
        ("0", 0),
        ("０", 0),
        ("007", 7),
        ("4294967295", u32::MAX),
    ] {
        assert_eq!(typed_whole_number(typed), Some(n), "{typed:?}");
    }
    for typed in [
        "",
        "  ",
        "\u{3000}",
        "-3",
        "+3",
        "3.5",
        "3,5",
        "3 4",
        "34歲",
        "三十四",
        "abc",
        "4294967296",
        "٣٤",
    ] {
        assert_eq!(typed_whole_number(typed), None, "{typed:?}");
    }
}

/// The default emergency number follows the region of a language tag
/// (kb/emergency_numbers.toml), and the element's fallback, which shows the
/// number before the module loads, carries the same table: one owner, kb/.
#[test]
fn the_emergency_number_follows_the_region_of_a_language_tag() {
    use twitch_triage::kb::{emergency_number_for, region_number, EMERGENCY_NUMBERS};
    for (tag, number) in [
        ("es-MX", Some("911")),
        ("en-US", Some("911")),
        ("en-GB", Some("999")),
        ("zh-TW", Some("119")),
        ("zh-Hant-HK", Some("999")),
        // 112 is the default, so the table leaves it out: the element shows
        // it with the note that it is Europe's number.
        ("es-ES", None),
        ("es_ar", Some("107")),
        ("en", None),
        ("es-419", None),
        ("zh-Hant", None),
        ("en-x-gb", None),
        ("", None),
    ] {
        assert_eq!(emergency_number_for(tag), number, "{tag}");
        // The element's module reads element.js's copy of the table (checked
        // below to be this one) with the same function.
        assert_eq!(region_number(tag, EMERGENCY_NUMBERS), number, "{tag}");
    }
    // A table given from outside cannot make it panic.
    for table in ["", " ", "G", "GB", "  GB999  US", "GB999"] {
        let _ = region_number("en-GB", table);
    }
    assert_eq!(region_number("en-GB", "  G GB999 "), Some("999"));
    let js = include_str!("../crates/element/js/emergency-numbers.js");
    let want = format!(
        "// Generated from kb/emergency_numbers.toml (tests/languages.rs checks it): region and number.\nexport default '{EMERGENCY_NUMBERS}';\n"
    );
    assert_eq!(
        js, want,
        "crates/element/js/emergency-numbers.js is stale: write the text above into it"
    );
}

/// `crates/element/js/element.js` writes out one URL per language pack
/// (`PACK_URLS`, so that bundlers find the files): they must be
/// `Lang::ALL`'s, in that order. (Its list of languages itself is generated
/// from `Lang::ALL` by the build: crates/element/tests/contracts.rs.)
#[test]
fn the_elements_script_has_a_pack_url_for_each_language() {
    let js = include_str!("../crates/element/js/element.js");
    let codes: Vec<&str> = twitch_triage::Lang::ALL.iter().map(|l| l.code()).collect();
    let urls = js
        .split_once("const PACK_URLS = {")
        .and_then(|(_, rest)| rest.split_once("};"))
        .expect("js/element.js has `const PACK_URLS = {...}`")
        .0;
    let packs: Vec<String> = urls
        .lines()
        .filter(|l| l.contains("new URL("))
        .map(|l| {
            l.trim()
                .split(':')
                .next()
                .unwrap()
                .trim_matches('\'')
                .to_string()
        })
        .collect();
    assert_eq!(packs, codes, "js/element.js PACK_URLS");
    for code in &codes {
        assert!(
            urls.contains(&format!("new URL('./lang/{code}.txt', import.meta.url)")),
            "the {code} pack's URL"
        );
    }
}
