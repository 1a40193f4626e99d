package com.signalhub.signal.entity;

import java.math.BigDecimal;

/**
 * What a source asks to publish, before validation. {@code timestamp} may be null (then the intake
 * uses the time of acceptance).
 */
public record SignalRequest(
    SignalType type, String symbol, BigDecimal price, Long timestamp, boolean test) {}
