package com.signalhub.signal.entity;

/**
 * What became of a publish: the stored signal, and whether it was stored by an earlier publish with
 * the same idempotency key (then nothing was broadcast again).
 */
public record Acceptance(Signal signal, boolean duplicate) {}
