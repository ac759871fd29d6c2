//! The knowledge base compiler: reads the reviewable knowledge base in
//! `kb/*.toml`, checks it, and writes the core's static tables
//! (`$OUT_DIR/kb_gen.rs`, included by `src/kb.rs`) and the language packs
//! (`$OUT_DIR/texts/<lang>.txt`). The core's build script (`build.rs` at
//! the workspace root) runs [`compile`].
//!
//! Everything is checked here: unknown keys ([`keys`]: a misspelt key names
//! the file, the table and the key), unknown ids, types, probabilities,
//! texts in every language, conditions ([`cond`], the condition language of
//! `kb/rules.toml`). A mistake in the data is a build error that names the
//! entry, never a surprise at run time.

pub mod codes;
pub mod cond;
mod emit;
pub mod keys;
pub mod model;

mod compile;

pub use compile::compile;
