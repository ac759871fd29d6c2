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

#![cfg_attr(feature = "trap-panics", no_std)]

extern crate alloc;

pub mod assess;
pub mod error;
pub mod findings;
pub mod interview;
pub mod kb;
pub mod knowledge;
pub mod rules;
pub mod score;
pub mod summary;
/// The element's WebAssembly uses a small free-list allocator (lol_alloc):
/// dlmalloc, Rust's default, would add 2.6 KB gzip to what a page loads,
/// talc 1.4 KB (docs/SAFETY.md H26 has the figures and the tests that
/// exercise it). The npm API keeps std's dlmalloc, which is smaller and as
/// fast there. The module is single-threaded (no atomics, no threads;
/// checked below), as `AssumeSingleThreaded` requires.
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
#[global_allocator]
// SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// Without std, a panic stops the module at once: the same trap as std's
/// `panic = "abort"`, without the message. The element's JavaScript shows its
/// "could not start" text if this happens before the first question.
#[cfg(all(target_arch = "wasm32", feature = "trap-panics"))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// The float functions the scoring and the interview use: std's, or in the
/// no_std element build the libm crate's (on wasm32 std calls the same code).
pub(crate) mod math {
    #[cfg(not(feature = "trap-panics"))]
    pub fn exp(x: f64) -> f64 {
        x.exp()
    }
    #[cfg(not(feature = "trap-panics"))]
    pub fn ln(x: f64) -> f64 {
        x.ln()
    }
    #[cfg(feature = "trap-panics")]
    pub use libm::{exp, log as ln};

    /// Whether `x` is a whole number (`fract() == 0.0`, which needs std).
    pub fn is_whole(x: f64) -> bool {
        x % 1.0 == 0.0
    }
}

/// A static for the WebAssembly builds, with the `with` of a `thread_local!`
/// (which the no_std element build does not have): like the allocator, it
/// relies on the module running on one thread (wasm32 without atomics).
#[cfg(all(target_arch = "wasm32", feature = "external-texts"))]
pub(crate) struct OneThread<T>(pub(crate) T);
// SAFETY: wasm32 without the atomics feature (checked below) has one thread.
#[cfg(all(target_arch = "wasm32", feature = "external-texts"))]
unsafe impl<T> Sync for OneThread<T> {}
#[cfg(all(target_arch = "wasm32", feature = "external-texts"))]
impl<T> OneThread<T> {
    pub(crate) fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0)
    }
}
#[cfg(all(
    target_arch = "wasm32",
    target_feature = "atomics",
    feature = "external-texts"
))]
compile_error!(
    "the WebAssembly builds assume one thread (the element's allocator, `OneThread`): build without atomics"
);
#[cfg(all(feature = "trap-panics", not(target_arch = "wasm32")))]
compile_error!("the trap-panics feature is for the wasm32 build of the element only");

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
