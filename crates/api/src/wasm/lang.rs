//! Which language: the options' `lang`, the default (the first language
//! whose texts were installed), and installing a language pack.

use wasm_bindgen::prelude::*;

use twitch_triage::error::{Error, ErrorKind};
use twitch_triage::findings::Input;
use twitch_triage::kb::{has_texts, Lang};

use super::read::{read_map, unknown_option};
use super::to_js_error;

/// The `lang` of an options object (`undefined` and `null` mean the default),
/// which must be a language whose texts are loaded.
pub(super) fn read_lang(options: &JsValue) -> Result<Lang, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(default_lang());
    }
    let map = read_map(
        options,
        "options",
        "an options object such as { lang: \"en\" }",
    )?;
    let mut lang = default_lang();
    for (k, v) in &map.entries {
        lang = match (k.as_str(), v) {
            ("lang", Input::Text(code)) => Lang::parse(code).and_then(loaded),
            ("lang", Input::Null) => Ok(default_lang()),
            ("lang", _) => Lang::parse(""),
            (other, _) => return Err(unknown_option(other)),
        }
        .map_err(to_js_error)?;
    }
    Ok(lang)
}

thread_local! {
    /// The first language whose texts were installed.
    static FIRST_LANG: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// The language when none is asked for: the first one loaded. The main
/// entry loads English first; an entry such as `twitch-triage/es` loads its
/// own language, which stays the default if another entry is imported later.
fn default_lang() -> Lang {
    FIRST_LANG.with(|f| f.get()).unwrap_or_default()
}

/// `lang`, if its texts are loaded; else an error that says how to load them.
fn loaded(lang: Lang) -> Result<Lang, Error> {
    if has_texts(lang) {
        return Ok(lang);
    }
    let mut expected = String::from("a language whose texts are loaded (");
    twitch_triage::error::push_list(
        &mut expected,
        Lang::ALL
            .into_iter()
            .filter(|l| has_texts(*l))
            .map(Lang::code),
    );
    expected.push_str("): import \"twitch-triage/");
    expected.push_str(lang.code());
    expected.push_str("\" as well, or \"twitch-triage\" for every language");
    Err(Error::new(
        ErrorKind::UnsupportedLanguage,
        "lang",
        &expected,
    ))
}

/// Installs a language pack (the string that `dist/lang/<lang>.js`
/// exports); the package's entry points install their languages before
/// anything else runs (every language, or one for `twitch-triage/<lang>`).
/// Returns the language code.
#[wasm_bindgen(js_name = installTexts)]
pub fn install_texts(pack: JsValue) -> Result<String, JsValue> {
    let text = pack.as_string().ok_or_else(|| {
        to_js_error(Error::new(
            ErrorKind::WrongType,
            "texts",
            "the text of a language pack",
        ))
    })?;
    let lang = twitch_triage::kb::install_texts(&text).map_err(to_js_error)?;
    FIRST_LANG.with(|f| f.set(f.get().or(Some(lang))));
    Ok(lang.code().to_string())
}
