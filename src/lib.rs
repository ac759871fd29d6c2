//! twitch-triage: on-device triage for muscle twitching.
//!
//! The core (this crate's native part) is plain Rust with no WebAssembly or
//! DOM types: the knowledge base ([`kb`]), the safety rules ([`rules`]), the
//! scoring model ([`score`]), [`classify`] and the [`Interview`]. See
//! `ARCHITECTURE.md` for the map and the invariants.
//!
//! ```
//! use twitch_triage::{classify, Findings, InputMap, Level};
//!
//! let mut answers = InputMap::default();
//! answers.insert("age", 34).insert("movement", "flicker").insert("body_areas", vec!["eyelid"]);
//! let findings = Findings::from_map(&answers).unwrap();
//! let result = classify(&findings);
//! assert_eq!(result.explanations[0].id, "eyelid_twitch");
//! // Red flags were not asked, so the result cannot be self-care (rule R9).
//! assert!(!result.complete);
//! assert_ne!(result.triage, Level::SelfCare);
//! ```

pub mod assess;
pub mod error;
pub mod findings;
pub mod interview;
pub mod kb;
pub mod knowledge;
pub mod rules;
pub mod score;
pub mod summary;
/// The WebAssembly builds use a small free-list allocator: the module is
/// single-threaded (no atomics, no threads), as `AssumeSingleThreaded` requires.
#[cfg(all(target_arch = "wasm32", any(feature = "js-api", feature = "widget")))]
#[global_allocator]
// SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// The JavaScript API (wasm-bindgen); public so the wasm tests can call it.
#[cfg(all(target_arch = "wasm32", feature = "js-api"))]
pub mod wasm;
/// The `<twitch-triage>` element (wasm-bindgen, web-sys).
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod widget;

pub use assess::{classify, classify_in, Assessment, Explanation, Rule};
pub use error::{Error, ErrorKind};
pub use findings::{Findings, Input, InputMap, Value};
pub use interview::{Interview, Question, QuestionOption};
pub use kb::{Lang, Level};
pub use knowledge::{knowledge, Knowledge};
