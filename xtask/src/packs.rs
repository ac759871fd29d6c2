//! Writes the language packs that the WebAssembly builds load at run time,
//! one per language of the core (`Lang::ALL`), each twice:
//! `<dir>/<lang>.txt` (the pack, which the element fetches) and
//! `<dir>/<lang>.js` (a module exporting it, which the npm API's entries
//! import), and prints their codes, one a line, in that order
//! (scripts/build.mjs takes its list of languages from them):
//! `cargo xtask packs dist/lang`.
//! The packs are made by the build script from `kb/*.toml`; this only
//! copies them out of the build directory, each as an ES module whose one
//! export is the pack as a string literal (data, no code). A module rather
//! than a text file because browsers hand a module's string over sooner than
//! a fetched body (measured: about 10 ms sooner on the demo page), pages can
//! `modulepreload` it, and bundlers and Node import it like any module.

pub fn main(dir: &str) {
    std::fs::create_dir_all(dir).unwrap();
    for lang in twitch_triage::Lang::ALL {
        let lang = lang.code();
        let made = std::path::Path::new(env!("TWITCH_TRIAGE_TEXTS")).join(format!("{lang}.txt"));
        let pack = std::fs::read_to_string(&made).expect("the build's pack");
        let pack = pack.as_str();
        twitch_triage::kb::parse_pack(pack).expect("a valid pack");
        // The element fetches the pack itself as text (no bundler rewrites a
        // text file, so the digest element.js pins holds); the npm API's
        // entry modules import the module.
        std::fs::write(format!("{dir}/{lang}.txt"), pack).unwrap();
        let literal = serde_json::to_string(pack).unwrap();
        std::fs::write(
            format!("{dir}/{lang}.js"),
            format!("export default {literal};\n"),
        )
        .unwrap();
        println!("{lang}");
    }
}
