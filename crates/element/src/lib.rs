//! The `<twitch-triage>` custom element: the core (`twitch-triage`) rendered
//! by Rust through web-sys into a shadow root, with `js/element.js` (the
//! custom element's class, the loading and fallback screens) around it.
//!
//! This crate is the final WebAssembly module of the element, so it defines
//! what belongs to a final module: the global allocator, and, in the shipped
//! build (without the `std` feature), the panic handler. What touches the
//! DOM is WebAssembly-only (`cfg(target_arch = "wasm32")`); the screens are
//! plain Rust (`model`, `view`, `dom::Plan`), so a native build renders them
//! for the snapshot tests (`tests/snapshots.rs`).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;
// A native build has none of the element's code: std, so that it links.
#[cfg(all(not(feature = "std"), not(target_arch = "wasm32")))]
extern crate std;

pub mod detail;
pub mod dom;
pub mod model;
pub mod resolve;
pub mod view;
mod view_question;
mod view_result;

#[cfg(target_arch = "wasm32")]
mod events;
#[cfg(target_arch = "wasm32")]
mod form;
#[cfg(target_arch = "wasm32")]
mod lifecycle;

#[cfg(target_arch = "wasm32")]
pub use lifecycle::{install_texts, language_for, TwitchTriage};

/// The element's WebAssembly uses a small free-list allocator (lol_alloc):
/// dlmalloc, Rust's default, would add 2.6 KB gzip to what a page loads,
/// talc 1.4 KB (docs/SAFETY.md H26 has the figures and the tests that
/// exercise it). The npm API keeps std's dlmalloc, which is smaller and as
/// fast there. The module is single-threaded (no atomics, no threads; the
/// core refuses to build for wasm32 with atomics), as `AssumeSingleThreaded`
/// requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// Without std, a panic stops the module at once: the same trap as std's
/// `panic = "abort"`, without the message. The element's JavaScript shows its
/// "could not start" text if this happens before the first question.
///
/// Build the shipped element on its own (`cargo build -p
/// twitch-triage-element`, as scripts/build.mjs does): built together with
/// a crate that turns on the core's `std` (the npm API), cargo unifies the
/// features, std comes in with its own panic handler, and the two clash.
#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
