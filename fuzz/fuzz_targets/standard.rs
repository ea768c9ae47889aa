//! `standard` fuzz target: see src/oracle.rs for the input encoding and the oracles.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shenguan_fuzz::run("standard", data));
