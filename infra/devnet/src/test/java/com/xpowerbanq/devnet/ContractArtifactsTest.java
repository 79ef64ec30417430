package com.xpowerbanq.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed artifacts are what the pinned solc makes of contracts/*.sol today. */
class ContractArtifactsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path COMMITTED = MODULE.resolve("src/main/resources/devnet/artifacts");

    @Test
    void committedArtifactsMatchARecompilationOfTheSources(@TempDir Path out) throws Exception {
        // given
        assertThat(MODULE.resolve("compile.js")).as("run from infra/devnet").exists();
        if (!Files.isDirectory(MODULE.resolve("node_modules/solc"))) {
            fail("solc is not installed: run `npm ci` in infra/devnet (./banq test does it)");
        }

        // when
        Process node =
                new ProcessBuilder("node", "compile.js", out.toString())
                        .directory(MODULE.toFile())
                        .redirectErrorStream(true)
                        .start();
        String output = new String(node.getInputStream().readAllBytes());
        int status = node.waitFor();

        // then
        assertThat(status).as("node compile.js failed:%n%s", output).isZero();
        assertThat(names(out)).isEqualTo(names(COMMITTED));
        for (String name : names(out)) {
            assertThat(Files.readString(COMMITTED.resolve(name)))
                    .as("%s is out of date: run infra/devnet/build-contracts.sh", name)
                    .isEqualTo(Files.readString(out.resolve(name)));
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
