//! Writes the language packs (`<dir>/<lang>.txt`) that the WebAssembly
//! builds load at run time: `cargo run --example text_packs -- dist/lang`.
//! The packs are made by the build script from `kb/*.toml`; this only
//! copies them out of the build directory.

fn main() {
    let dir = std::env::args().nth(1).expect("usage: text_packs <dir>");
    std::fs::create_dir_all(&dir).unwrap();
    for (lang, pack) in [
        (
            "en",
            include_str!(concat!(env!("OUT_DIR"), "/texts/en.txt")),
        ),
        (
            "es",
            include_str!(concat!(env!("OUT_DIR"), "/texts/es.txt")),
        ),
        (
            "zh-Hant",
            include_str!(concat!(env!("OUT_DIR"), "/texts/zh-Hant.txt")),
        ),
    ] {
        twitch_triage::kb::parse_pack(pack).expect("a valid pack");
        std::fs::write(format!("{dir}/{lang}.txt"), pack).unwrap();
    }
}
