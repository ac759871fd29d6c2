//! The element's allocator in WebAssembly (SAFETY H26): the WebAssembly
//! builds of the element (crates/element) use lol_alloc's free-list
//! allocator, a small crate whose author says to use it at one's own risk.
//! Here it is the global allocator, as in the shipped element, and gets a
//! hard workout: random allocations, reallocations and frees of every size
//! and alignment with their contents checked, then thousands of interviews
//! alive side by side, each ending as it did the first time, in memory that
//! stops growing. Run with `cargo test --release -p
//! twitch-triage-element --target wasm32-unknown-unknown --features std
//! --test allocator` (Node; see
//! scripts/test).
#![cfg(target_arch = "wasm32")]

use std::alloc::{alloc, dealloc, realloc, Layout};

use twitch_triage::{Input, Interview, Lang};
use wasm_bindgen_test::*;

/// xorshift64*: the same numbers on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The linear memory's size in bytes.
fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * 65536
}

/// One live block: its layout and the byte its contents start from.
struct Block {
    ptr: *mut u8,
    layout: Layout,
    seed: u8,
}

impl Block {
    fn fill(&self) {
        for i in 0..self.layout.size() {
            // SAFETY: i < size, the block's own bytes.
            unsafe { *self.ptr.add(i) = self.seed.wrapping_add((i % 251) as u8) };
        }
    }
    /// Whether the first `n` bytes are as `fill` left them.
    fn intact(&self, n: usize) -> bool {
        // SAFETY: n <= size, the block's own bytes.
        (0..n).all(|i| unsafe { *self.ptr.add(i) } == self.seed.wrapping_add((i % 251) as u8))
    }
}

fn random_layout(rng: &mut Rng) -> Layout {
    let size = match rng.below(10) {
        0..=5 => 1 + rng.below(64),
        6..=8 => 64 + rng.below(4096),
        _ => 4096 + rng.below(200_000),
    };
    let align = 1 << rng.below(8); // 1 to 128
    Layout::from_size_align(size, align).unwrap()
}

/// `ops` random allocations, reallocations and frees, with every block's
/// contents checked before it is changed or freed; returns the most bytes
/// alive at once. Frees everything at the end.
fn random_operations(seed: u64, ops: usize) -> usize {
    let mut rng = Rng(seed);
    let mut live: Vec<Block> = Vec::with_capacity(4096);
    let (mut bytes, mut peak) = (0usize, 0usize);
    for op in 0..ops {
        let choice = if live.is_empty() { 0 } else { rng.below(10) };
        match choice {
            // Allocate (more often than free while few blocks are alive).
            0..=3 if live.len() < 4000 => {
                let layout = random_layout(&mut rng);
                // SAFETY: the layout's size is not zero.
                let ptr = unsafe { alloc(layout) };
                assert!(!ptr.is_null(), "op {op}: out of memory for {layout:?}");
                assert_eq!(ptr as usize % layout.align(), 0, "op {op}: misaligned");
                let block = Block {
                    ptr,
                    layout,
                    seed: rng.below(256) as u8,
                };
                block.fill();
                bytes += layout.size();
                live.push(block);
            }
            // Grow or shrink a block: what it held stays.
            4..=6 => {
                let i = rng.below(live.len());
                let old = live[i].layout;
                let size = random_layout(&mut rng).size();
                assert!(
                    live[i].intact(old.size()),
                    "op {op}: a block changed before realloc"
                );
                // SAFETY: a live block with its own layout; the new size is not zero.
                let ptr = unsafe { realloc(live[i].ptr, old, size) };
                assert!(!ptr.is_null(), "op {op}: out of memory in realloc");
                assert_eq!(
                    ptr as usize % old.align(),
                    0,
                    "op {op}: misaligned after realloc"
                );
                live[i].ptr = ptr;
                assert!(
                    live[i].intact(old.size().min(size)),
                    "op {op}: realloc lost contents"
                );
                live[i].layout = Layout::from_size_align(size, old.align()).unwrap();
                live[i].fill();
                bytes = bytes - old.size() + size;
            }
            // Free a block, after checking that nothing wrote over it.
            _ => {
                let block = live.swap_remove(rng.below(live.len()));
                assert!(
                    block.intact(block.layout.size()),
                    "op {op}: a block was overwritten"
                );
                bytes -= block.layout.size();
                // SAFETY: a live block with its own layout.
                unsafe { dealloc(block.ptr, block.layout) };
            }
        }
        peak = peak.max(bytes);
    }
    for block in live.drain(..) {
        assert!(block.intact(block.layout.size()), "a block was overwritten");
        // SAFETY: a live block with its own layout.
        unsafe { dealloc(block.ptr, block.layout) };
    }
    peak
}

#[wasm_bindgen_test]
fn random_allocations_reallocations_and_frees_keep_every_block_intact() {
    let start = memory_bytes();
    let peak = random_operations(0x7769_7463_6874_7269, 60_000);
    let after_first = memory_bytes();
    // Everything was freed: the same work again fits in the same memory.
    let peak_again = random_operations(0x7769_7463_6874_7269, 60_000);
    assert_eq!(peak_again, peak);
    assert_eq!(
        memory_bytes(),
        after_first,
        "the same work needed more memory the second time"
    );
    // Fragmentation stays within reason: at most twice what was alive at
    // the peak, plus a few pages.
    assert!(
        after_first - start <= 2 * peak + 16 * 65536,
        "memory grew by {} KB for a peak of {} KB alive",
        (after_first - start) / 1024,
        peak / 1024
    );
}

/// The element's build carries no texts: install the packs, as `element.js` does.
#[path = "common/packs.rs"]
mod packs;
use packs::install_packs;

/// A random answer to `q`: mostly one it accepts, sometimes junk.
fn random_answer(rng: &mut Rng, q: &twitch_triage::Question) -> Input {
    use twitch_triage::kb::QuestionKind;
    let values: Vec<&str> = q.options.iter().flatten().map(|o| o.value).collect();
    if rng.below(12) == 0 {
        return match rng.below(3) {
            0 => Input::Text("x".repeat(rng.below(100))),
            1 => Input::List(vec![Input::Number(1.0); rng.below(40)]),
            _ => Input::Object,
        };
    }
    match q.kind {
        QuestionKind::YesNo => {
            [Input::Bool(true), Input::Bool(false), Input::Null][rng.below(3)].clone()
        }
        QuestionKind::Number => Input::Number(rng.below(140) as f64),
        QuestionKind::One if rng.below(8) == 0 => Input::Null,
        QuestionKind::One => Input::Text(values[rng.below(values.len())].to_string()),
        QuestionKind::Many | QuestionKind::Checklist => Input::List(
            values
                .iter()
                .filter(|_| rng.below(3) == 0)
                .map(|v| Input::Text(v.to_string()))
                .collect(),
        ),
    }
}

/// `count` interviews, up to 32 alive at once, made, answered, taken back
/// and ended in a random order; a digest (FNV-1a) of what each ended with,
/// in the order they ended, and how many ended. (A digest, not the texts:
/// the first run's texts would take memory from the second.)
fn interviews(seed: u64, count: usize) -> (u64, usize) {
    let mut rng = Rng(seed);
    let mut pool: Vec<Option<Interview>> = (0..32).map(|_| None).collect();
    let (mut digest, mut ended) = (0xcbf2_9ce4_8422_2325u64, 0);
    let mut made = 0;
    while made < count || pool.iter().any(Option::is_some) {
        let slot = rng.below(pool.len());
        let Some(iv) = pool[slot].as_mut() else {
            if made < count {
                pool[slot] = Some(Interview::new(Lang::ALL[rng.below(3)]));
                made += 1;
            }
            continue;
        };
        match iv.next() {
            Some(q) if rng.below(30) != 0 => {
                if rng.below(10) == 0 {
                    iv.back();
                } else {
                    let answer = random_answer(&mut rng, &q);
                    let _ = iv.answer(q.id, &answer);
                }
            }
            _ => {
                let r = iv.result();
                let first = r.explanations.first().map(|e| (e.id, e.score));
                let text = format!(
                    "{:?} {:?} {:?} {}",
                    iv.answers(),
                    r.triage,
                    first,
                    r.advice.len()
                );
                for b in text.bytes() {
                    digest = (digest ^ b as u64).wrapping_mul(0x100_0000_01b3);
                }
                ended += 1;
                pool[slot] = None;
            }
        }
    }
    (digest, ended)
}

#[wasm_bindgen_test]
fn thousands_of_interviews_end_the_same_way_in_memory_that_stops_growing() {
    install_packs();
    let first = interviews(2026, 1500);
    let after_first = memory_bytes();
    let again = interviews(2026, 1500);
    assert_eq!(first.1, 1500);
    assert_eq!(
        again, first,
        "the same answers gave other results the second time"
    );
    assert_eq!(
        memory_bytes(),
        after_first,
        "1,500 more interviews needed more memory"
    );
}
