//! The workspace's build tasks, run by `scripts/build.mjs`, the benchmark
//! and the tests: `cargo xtask <task>` (an alias, in `.cargo/config.toml`,
//! for `cargo run --quiet --release -p xtask --`). Each writes what it
//! makes from the core, so that no copy of the knowledge base or of the
//! core's lists is kept by hand elsewhere.

mod classify_json;
mod model;
mod packs;
mod types;

const USAGE: &str = "usage: cargo xtask <task>
  packs <dir>     the language packs, <dir>/<lang>.js, one per language of the core;
                  prints the languages, one a line, in the core's order
  types           the TypeScript declarations generated from the knowledge base
  model           the knowledge base's model as JSON (the benchmark's JavaScript peer)
  classify-json   reads vignettes (JSON) on stdin, prints the core's results (the Node tests' reference)";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["packs", dir] => packs::main(dir),
        ["types"] => types::main(),
        ["model"] => model::main(),
        ["classify-json"] => classify_json::main(),
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    }
}
