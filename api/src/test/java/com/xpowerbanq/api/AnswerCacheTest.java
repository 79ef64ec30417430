package com.xpowerbanq.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerCacheTest {

    @Test
    void keepsTheMostRecentlyUsedAnswersWithinItsEntryBound() {
        AnswerCache cache = new AnswerCache(2, 1_000);
        cache.put("\"a\"", AnswerBody.of("[1]"));
        cache.put("\"b\"", AnswerBody.of("[2]"));
        cache.get("\"a\"");
        cache.put("\"c\"", AnswerBody.of("[3]"));

        assertThat(cache.get("\"a\"").text()).isEqualTo("[1]");
        assertThat(cache.get("\"b\"")).isNull();
        assertThat(cache.get("\"c\"").text()).isEqualTo("[3]");
    }

    @Test
    void evictsTheOldestAnswersWhenTheirSizeExceedsTheByteBound() {
        AnswerCache cache = new AnswerCache(100, 10);
        cache.put("\"a\"", AnswerBody.of("123456"));
        cache.put("\"b\"", AnswerBody.of("7890"));
        cache.put("\"c\"", AnswerBody.of("xyz"));
        cache.put("\"huge\"", AnswerBody.of("x".repeat(11)));

        assertThat(cache.get("\"a\"")).isNull();
        assertThat(cache.get("\"b\"").text()).isEqualTo("7890");
        assertThat(cache.get("\"c\"").text()).isEqualTo("xyz");
        assertThat(cache.get("\"huge\"")).isNull();
        assertThat(cache.size()).isEqualTo(2);
    }
}
