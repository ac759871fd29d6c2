//! Where the core's build put the language packs (`links` metadata), for
//! `cargo xtask packs` (`TWITCH_TRIAGE_TEXTS`).

fn main() {
    let texts = std::env::var("DEP_TWITCH_TRIAGE_KB_TEXTS")
        .expect("the core's build script names its packs");
    println!("cargo:rustc-env=TWITCH_TRIAGE_TEXTS={texts}");
}
