//! The JavaScript API of the npm package (wasm-bindgen): `classify`,
//! `Interview`, `knowledge`, built on the core (`twitch-triage`). Its
//! JavaScript side is `js/boundary.js` (reading untrusted values, making
//! results and errors) and `js/api.js` (what every entry module exports).
//! The bindings are WebAssembly-only (`cfg(target_arch = "wasm32")`); a
//! native build of this crate has only the reading limits.
//!
//! This layer only converts. Untrusted values are first read by
//! `js/boundary.js` (so no host code runs while Rust holds state) into one
//! compact string, decoded here into the same `InputMap` / `Input` that
//! JSON deserialises to, and checked by the same core code. The boundary
//! reads no more than the core can check (the limits in [`reading`], passed
//! on every call), so an oversized input is never copied whole into wasm
//! memory, which never shrinks. Results go back as plain objects and
//! arrays, built by object literals in `js/boundary.js` from cached
//! JavaScript strings (`knowledge()` and `answers()`, which are not on any
//! hot path, as JSON text that `JSON.parse` turns into objects): either way
//! every property is the object's own, which a setter that a host page put
//! on `Object.prototype` cannot intercept. Every error is a
//! `TwitchTriageError`; nothing here can panic on any input.
//!
//! One string rather than a js-sys call per key and value: the boundary is
//! crossed once per call, which halves the cost of `classify` (see
//! BENCHMARKS.md); serde's own deserializer would add its float-formatting
//! error machinery (about 20 KB) for errors this path never produces.

#[cfg(target_arch = "wasm32")]
mod wasm;
#[cfg(target_arch = "wasm32")]
pub use wasm::{classify, install_texts, knowledge_js, JsInterview};

/// How much of an input `js/boundary.js` reads and hands over, from the
/// core's limits (`src/findings.rs`, `src/error.rs`): the core refuses
/// anything past them anyway, with the same error, and wasm memory that an
/// oversized input made grow never shrinks (SAFETY H25). Rust passes them
/// on every call, so the JavaScript side keeps no copy of its own.
pub mod reading {
    use twitch_triage::error::KEY_QUOTE_MAX;
    use twitch_triage::findings::{MAX_KEYS, MAX_LIST, MAX_STRING};

    const fn max(a: usize, b: usize) -> usize {
        if a > b {
            a
        } else {
            b
        }
    }

    /// Keys whose values are read: the entries an [`InputMap`] keeps (one
    /// past [`MAX_KEYS`]). Past them, only the number of keys is sent.
    ///
    /// [`InputMap`]: twitch_triage::findings::InputMap
    pub const KEYS: u32 = MAX_KEYS as u32 + 1;
    /// Items read of a list: one past [`MAX_LIST`], so that a longer list is
    /// still too long.
    pub const LIST: u32 = MAX_LIST as u32 + 1;
    /// UTF-16 units read of a key or a string: a longer value stays longer
    /// than [`MAX_STRING`] bytes, and an unknown key's quote in an error
    /// ([`KEY_QUOTE_MAX`] characters of at most two units each, then "…" if
    /// there are more) stays as it was.
    pub const TEXT: u32 = 2 * (max(MAX_STRING, KEY_QUOTE_MAX) as u32 + 1);
    /// Characters quoted of the message of an error that host code threw.
    pub const MESSAGE_QUOTE: usize = 200;
    /// UTF-16 units read of such a message.
    pub const MESSAGE: u32 = 2 * MESSAGE_QUOTE as u32;
}
