//! The language packs the core's build made (`$TWITCH_TRIAGE_TEXTS`), installed as
//! `element.js` installs them: the element's build carries no texts.
//! Shared by the element's tests: the wasm-bindgen tests install them through
//! the element's `installTexts`, the native ones (the screens' snapshots, the
//! contracts) through the core's `install_texts`.

pub fn install_packs() {
    for pack in [
        include_str!(concat!(env!("TWITCH_TRIAGE_TEXTS"), "/en.txt")),
        include_str!(concat!(env!("TWITCH_TRIAGE_TEXTS"), "/es.txt")),
        include_str!(concat!(env!("TWITCH_TRIAGE_TEXTS"), "/zh-Hant.txt")),
    ] {
        #[cfg(target_arch = "wasm32")]
        assert!(twitch_triage_element::install_texts(pack));
        #[cfg(not(target_arch = "wasm32"))]
        twitch_triage::kb::install_texts(pack).expect("a pack of this build");
    }
}
