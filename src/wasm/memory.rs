//! Growing WebAssembly memory in one step before a large call.
//!
//! The allocator grows memory by just what each request lacks, so a call
//! that builds many small values (the cases and judges of a run, a ledger's
//! entries) grows it one 64 KiB page at a time, thousands of times. Each
//! grow costs Node 20 about 0.2 ms on an idle heap and more when the JS heap
//! is large (3,200 one-page grows: 0.6 s beside an empty heap, 22 s beside
//! a million live objects), which made a first large call superlinear.
//! Allocating one block of a few times the input's size and freeing it at
//! once grows memory in one step; the freed block stays with the allocator
//! (WebAssembly memory never shrinks) and the call's values are carved from it.
//! A call that needs more than that reservation (or an input under 1 MiB
//! whose call builds a large output) would still grow memory page by page:
//! the global allocator below grows it geometrically instead.

#![allow(unsafe_code)] // `GlobalAlloc` is an unsafe trait: see `GrowingAhead`.

use std::alloc::{GlobalAlloc, Layout, System};

/// Inputs below this size are left to the allocator's own growth.
const RESERVE_FROM_BYTES: usize = 1 << 20;
/// Memory a call needs, as a multiple of its input's JSON text: measured
/// 5x (a replay verification, bulk standard cases) to 10-19x (scoreTable,
/// standardCases, enforcementCases); `score` with every point explained
/// needs far more, and the allocator grows the rest geometrically.
const RESERVE_PER_INPUT_BYTE: usize = 16;
/// Memory is not reserved past this size: reserved pages are never touched
/// (so not resident), but a tab's address space is finite.
const RESERVE_UP_TO_BYTES: usize = 1 << 30;

/// Make sure `RESERVE_PER_INPUT_BYTE` times `input_bytes` (within
/// `RESERVE_UP_TO_BYTES` of memory in all) can be allocated without growing
/// memory page by page. Best effort: when the block cannot be had, the call
/// goes on and the allocator grows as before.
pub fn reserve_for(input_bytes: usize) {
    if input_bytes < RESERVE_FROM_BYTES {
        return;
    }
    let memory = core::arch::wasm32::memory_size::<0>() * 65_536;
    let wanted = input_bytes.saturating_mul(RESERVE_PER_INPUT_BYTE).min(RESERVE_UP_TO_BYTES.saturating_sub(memory));
    let mut block: Vec<u8> = Vec::new();
    if block.try_reserve_exact(wanted).is_ok() {
        // Kept from being optimised away: the allocation is the point.
        std::hint::black_box(&mut block);
    }
}

/// Growth ahead of need, as a share of the memory already held: each time
/// the allocator has to grow memory, memory is grown by at least half again,
/// so a call that builds far more than its input (`score` with every point
/// explained: about 160 times its input) grows it a number of times
/// logarithmic in its size, not once per 64 KiB page.
const GROW_AHEAD_DIVISOR: usize = 2;
/// One step ahead never exceeds this: past it, memory grows in steps of this size.
const GROW_AHEAD_MAX_BYTES: usize = 256 << 20;

/// The standard allocator, with memory grown geometrically (see
/// `GROW_AHEAD_DIVISOR`). It hands out the same blocks as the standard one
/// would from a larger heap: outputs do not depend on it.
struct GrowingAhead;

#[global_allocator]
static ALLOCATOR: GrowingAhead = GrowingAhead;

fn memory_pages() -> usize {
    core::arch::wasm32::memory_size::<0>()
}

/// After the allocator grew memory from `pages_before`: take and free one
/// block of half the memory held before, which the allocator keeps (it never
/// gives memory back) and carves the next values from. Best effort: a block
/// that cannot be had is skipped.
fn grow_ahead(pages_before: usize) {
    let wanted = (pages_before * 65_536 / GROW_AHEAD_DIVISOR).min(GROW_AHEAD_MAX_BYTES);
    if let Ok(layout) = Layout::from_size_align(wanted, 1) {
        // SAFETY: a non-zero size (memory always holds at least one page) and a valid layout; freed with the same layout.
        unsafe {
            let block = System.alloc(layout);
            if !block.is_null() {
                System.dealloc(block, layout);
            }
        }
    }
}

/// Run one allocation of `System`, growing ahead when it grew memory.
#[inline(always)]
fn growing_ahead(allocate: impl FnOnce() -> *mut u8) -> *mut u8 {
    let pages = memory_pages();
    let block = allocate();
    if memory_pages() != pages {
        grow_ahead(pages);
    }
    block
}

// SAFETY: every call is passed to `System` unchanged; `grow_ahead` only
// allocates and frees a block of its own. Kept out of line: inlined into
// every allocation site, the check made the wasm 136 KB larger.
unsafe impl GlobalAlloc for GrowingAhead {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        growing_ahead(|| System.alloc(layout))
    }

    #[inline(never)]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        growing_ahead(|| System.alloc_zeroed(layout))
    }

    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        growing_ahead(|| System.realloc(ptr, layout, new_size))
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
    }
}
