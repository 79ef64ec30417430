package com.xpowerbanq.schema;

/** A TWAP oracle (T000..T006) quoting the pair {@code a}/{@code b}, indexed in both directions. */
public record Oracle(String id, Token a, Token b) {

    /** The oracle's number, 0 for T000: the last part of its series' API names. */
    public int number() {
        return Integer.parseInt(id.substring(1));
    }

    /** Whether this oracle quotes source→target in one of its two directions. */
    public boolean quotes(Token source, Token target) {
        return (a == source && b == target) || (a == target && b == source);
    }
}
