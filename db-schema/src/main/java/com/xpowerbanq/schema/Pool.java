package com.xpowerbanq.schema;

/** A lending pool (P000..P006) and its two tokens; each token has a supply and a borrow series. */
public record Pool(String id, Token first, Token second) {

    /** The pool's number, 0 for P000: the last part of its series' API names. */
    public int number() {
        return Integer.parseInt(id.substring(1));
    }

    public boolean holds(Token token) {
        return first == token || second == token;
    }
}
