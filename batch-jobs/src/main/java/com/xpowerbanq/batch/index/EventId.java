package com.xpowerbanq.batch.index;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

/**
 * The deterministic id of an event: a UUID v5 (RFC 9562) of its identity on chain, so writing the
 * same event twice is a no-op.
 */
final class EventId {
    /** The namespace the original CLI used for its ids. */
    static final UUID NAMESPACE = UUID.fromString("60e81555-ea69-443f-ba7f-fd1963239c4a");

    private EventId() {}

    static String of(long chainId, String blockHash, int logIndex) {
        String name = chainId + ":" + blockHash.toLowerCase(Locale.ROOT) + ":" + logIndex;
        return v5(NAMESPACE, name).toString();
    }

    static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-1", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
