package com.xpowerbanq.batch.transfer;

import java.util.OptionalLong;

/**
 * What an import did: lines read (blank lines not counted), rows inserted, rows whose event the
 * database already held, and the last block the database now holds events of.
 */
public record ImportSummary(long read, long inserted, long present, OptionalLong lastBlock) {}
