package com.xpowerbanq.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir Path dir;

    @Test
    void aLongLogGivesItsLastLinesWithoutTheBlankOnes() throws IOException {
        // given: far more than the tail reads, blank lines between
        Path log = dir.resolve("anvil.log");
        Files.writeString(
                log,
                IntStream.rangeClosed(1, 100_000)
                        .mapToObj(i -> "line " + i + "\n")
                        .collect(Collectors.joining("\n")));

        // when
        String tail = LogTail.of(log, 3);

        // then
        assertThat(tail).isEqualTo("line 99998\nline 99999\nline 100000");
    }

    @Test
    void aMissingOrEmptyLogIsSaidSo() throws IOException {
        Path log = dir.resolve("anvil.log");
        assertThat(LogTail.of(log, 3)).isEqualTo("(no log at " + log + ")");
        Files.writeString(log, "\n\n");
        assertThat(LogTail.of(log, 3)).isEqualTo("(" + log + " is empty)");
    }
}
