//! The language packs the core's build made (`$TWITCH_TRIAGE_TEXTS`), installed as
//! `element.js` installs them: the WebAssembly builds carry no texts.
//! Shared by the wasm-bindgen tests of the element's build.

pub fn install_packs() {
    for pack in [
        include_str!(concat!(env!("TWITCH_TRIAGE_TEXTS"), "/en.txt")),
        include_str!(concat!(env!("TWITCH_TRIAGE_TEXTS"), "/es.txt")),
        include_str!(concat!(env!("TWITCH_TRIAGE_TEXTS"), "/zh-Hant.txt")),
    ] {
        assert!(twitch_triage_element::install_texts(pack));
    }
}
