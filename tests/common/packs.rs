//! The language packs the build made (`$OUT_DIR/texts/`), installed as
//! `element.js` installs them: the WebAssembly builds carry no texts.
//! Shared by the wasm-bindgen tests of the element's build.

pub fn install_packs() {
    for pack in [
        include_str!(concat!(env!("OUT_DIR"), "/texts/en.txt")),
        include_str!(concat!(env!("OUT_DIR"), "/texts/es.txt")),
        include_str!(concat!(env!("OUT_DIR"), "/texts/zh-Hant.txt")),
    ] {
        assert!(twitch_triage::widget::install_texts(pack));
    }
}
