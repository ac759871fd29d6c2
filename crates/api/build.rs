//! Hands the language packs the core's build made (`links` metadata) to
//! the wasm-bindgen tests, which install them as the package's entry
//! modules do (`TWITCH_TRIAGE_TEXTS`).

fn main() {
    let texts = std::env::var("DEP_TWITCH_TRIAGE_KB_TEXTS")
        .expect("the core's build script names its packs");
    println!("cargo:rustc-env=TWITCH_TRIAGE_TEXTS={texts}");
}
