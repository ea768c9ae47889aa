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

/// Inputs below this size are left to the allocator's own growth.
const RESERVE_FROM_BYTES: usize = 1 << 20;
/// Memory a call needs, as a multiple of its input's JSON text: measured
/// 5x (a replay verification, bulk standard cases) to 10-19x (scoreTable,
/// standardCases, enforcementCases); `score` with every point explained
/// needs far more and still grows the rest page by page.
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
