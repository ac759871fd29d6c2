//! The core's build script: compiles the knowledge base (`kb/*.toml`) into
//! static tables and language packs, with `crates/kb-compiler`.

fn main() {
    twitch_triage_kb_compiler::compile();
}
