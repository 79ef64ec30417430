package com.xpowerbanq.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerCacheTest {

    @Test
    void keepsTheMostRecentlyUsedAnswersWithinItsEntryBound() {
        AnswerCache cache = new AnswerCache(2, 1_000);
        cache.put("\"a\"", "[1]");
        cache.put("\"b\"", "[2]");
        cache.get("\"a\"");
        cache.put("\"c\"", "[3]");

        assertThat(cache.get("\"a\"")).isEqualTo("[1]");
        assertThat(cache.get("\"b\"")).isNull();
        assertThat(cache.get("\"c\"")).isEqualTo("[3]");
    }

    @Test
    void evictsTheOldestAnswersWhenTheirSizeExceedsTheCharacterBound() {
        AnswerCache cache = new AnswerCache(100, 10);
        cache.put("\"a\"", "123456");
        cache.put("\"b\"", "7890");
        cache.put("\"c\"", "xyz");
        cache.put("\"huge\"", "x".repeat(11));

        assertThat(cache.get("\"a\"")).isNull();
        assertThat(cache.get("\"b\"")).isEqualTo("7890");
        assertThat(cache.get("\"c\"")).isEqualTo("xyz");
        assertThat(cache.get("\"huge\"")).isNull();
        assertThat(cache.size()).isEqualTo(2);
    }
}
