package com.xpowerbanq.batch.index;

/**
 * Marks that every event of {@code contract} up to {@code lastBlock} has been handed over; the
 * writer records it as the scan's progress in the same transaction as the rows before it.
 */
public record WindowEnd(long lastBlock, long chainId, String contract) implements ScanItem {}
