//! twitch-triage: on-device triage for muscle twitching.
//!
//! This crate is the core: plain Rust with no WebAssembly or DOM types (no
//! wasm-bindgen, js-sys or web-sys dependency at all): the knowledge base
//! ([`kb`]), the safety rules ([`rules`]), the scoring model ([`score`]),
//! [`classify`] and the [`Interview`]. The npm API (`crates/api`) and the
//! `<twitch-triage>` element (`crates/element`) are built on it. See
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

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;
// Without the `std` feature the crate is no_std for the element's wasm32
// build; a native build (an editor's check, `cargo clippy --workspace`)
// still has std underneath, which the packs' thread-local store uses.
#[cfg(all(not(feature = "std"), not(target_arch = "wasm32")))]
extern crate std;

pub mod assess;
pub mod error;
#[cfg(feature = "fhir")]
pub mod fhir;
pub mod findings;
pub mod interview;
pub mod kb;
pub mod knowledge;
pub mod rules;
pub mod score;
pub mod summary;

/// The float functions the scoring and the interview use: std's, or without
/// std (the element's no_std build) the libm crate's (on wasm32 std calls
/// the same code).
pub(crate) mod math {
    #[cfg(feature = "std")]
    pub fn exp(x: f64) -> f64 {
        x.exp()
    }
    #[cfg(feature = "std")]
    pub fn ln(x: f64) -> f64 {
        x.ln()
    }
    #[cfg(not(feature = "std"))]
    pub use libm::{exp, log as ln};

    /// Whether `x` is a whole number (`fract() == 0.0`, which needs std).
    pub fn is_whole(x: f64) -> bool {
        x % 1.0 == 0.0
    }
}

/// A static for the WebAssembly builds, with the `with` of a `thread_local!`
/// (which a no_std build does not have). It relies on the module running on
/// one thread (wasm32 without atomics, checked below), as the element's
/// allocator does (crates/element). Public for the element's own statics.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub struct OneThread<T>(pub T);
// SAFETY: wasm32 without the atomics feature (checked below) has one thread.
#[cfg(target_arch = "wasm32")]
unsafe impl<T> Sync for OneThread<T> {}
#[cfg(target_arch = "wasm32")]
impl<T> OneThread<T> {
    #[inline]
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0)
    }
}
#[cfg(all(target_arch = "wasm32", target_feature = "atomics"))]
compile_error!(
    "the WebAssembly builds assume one thread (the element's allocator, `OneThread`): build without atomics"
);

pub use assess::{classify, classify_in, Assessment, Explanation, Rule};
pub use error::{Error, ErrorKind};
pub use findings::{Findings, Input, InputMap, Value};
pub use interview::{Interview, Question, QuestionOption};
pub use kb::{Lang, Level};
pub use knowledge::{knowledge, Knowledge};
