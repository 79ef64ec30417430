package com.xpowerbanq.api;

/**
 * Strong entity tags of data answers: a hash of the route, the window, the row limit and the state
 * of the database file, so any commit to the database changes the tag of every answer from it.
 */
final class EntityTag {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private EntityTag() {}

    static String of(Route route, String name, DayWindow window, int maxRows, FileStamp stamp) {
        String key =
                route.routeName()
                        + '|'
                        + name
                        + '|'
                        + window.lhs()
                        + '|'
                        + window.rhs()
                        + '|'
                        + maxRows
                        + '|'
                        + stamp.identity()
                        + '|'
                        + stamp.size()
                        + '|'
                        + stamp.modifiedNanos()
                        + '|'
                        + stamp.walSize()
                        + '|'
                        + stamp.walModifiedNanos()
                        + '|'
                        + stamp.counters();
        long hash = FNV_OFFSET;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * FNV_PRIME;
        }
        String hex = Long.toHexString(hash);
        return "\"" + "0".repeat(16 - hex.length()) + hex + "\"";
    }

    /** Whether an If-None-Match header names {@code etag} (weak comparison, as RFC 9110 asks). */
    static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
