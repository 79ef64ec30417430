package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Static checks of the container files (no engine runs here): what a linter and a reviewer would
 * reject. Each image is built from the Maven project and runs as 1001 on a JRE.
 */
class DockerfilesTest {
    private static final Pattern REMOTE =
            Pattern.compile("(?i)^ADD\\s+(--\\S+\\s+)*(https?|git)[:@]");

    /** One instruction of a Dockerfile, continuation lines joined. */
    record Instruction(String keyword, String arguments) {}

    @ParameterizedTest
    @CsvSource({
        "api, api, banq-api.jar",
        "batch, batch-jobs, banq-batch.jar",
        "miner, miner, banq-miner.jar"
    })
    void imageIsBuiltFromTheMavenProjectAndRunsAsUser1001OnAJre(
            String image, String module, String jar) throws IOException {
        // given
        List<Instruction> instructions = parse(Repository.infra("docker", image, "Dockerfile"));
        List<Instruction> from = only(instructions, "FROM");
        int runtimeStart = instructions.lastIndexOf(from.getLast());
        List<Instruction> runtime = instructions.subList(runtimeStart, instructions.size());

        // then: multi-stage, the build stage runs Maven on this module, the runtime is a JRE
        assertThat(from).hasSize(2);
        assertThat(from.getFirst().arguments()).startsWith("maven:").endsWith(" AS build");
        assertThat(from.getLast().arguments()).matches("eclipse-temurin:\\d+-jre");
        assertThat(from).noneMatch(stage -> stage.arguments().contains(":latest"));
        // the JRE is the version the jar was built with, at least the release it targets (21),
        // so the JVM flags of the entry point are ones that version knows
        int built = majorOf(from.getFirst(), "maven:[^ ]*-eclipse-temurin-(\\d+) AS build");
        assertThat(majorOf(from.getLast(), "eclipse-temurin:(\\d+)-jre"))
                .isEqualTo(built)
                .isGreaterThanOrEqualTo(21);
        assertThat(only(instructions, "RUN"))
                .anyMatch(
                        run ->
                                run.arguments()
                                        .contains("./mvnw -B -q -pl " + module + " -am package"));
        assertThat(only(runtime, "COPY"))
                .anyMatch(
                        copy ->
                                copy.arguments().startsWith("--from=build")
                                        && copy.arguments()
                                                .contains("/src/" + module + "/target/" + jar));

        // and: non-root 1001 before the entry point, nothing fetched from the network by ADD
        List<Instruction> users = only(runtime, "USER");
        assertThat(users).extracting(Instruction::arguments).containsExactly("1001:1001");
        assertThat(runtime.indexOf(users.getFirst()))
                .isLessThan(runtime.indexOf(only(runtime, "ENTRYPOINT").getFirst()));
        assertThat(runtime)
                .noneMatch(instruction -> instruction.keyword().equals("ADD"))
                .noneMatch(i -> REMOTE.matcher(i.keyword() + " " + i.arguments()).find());
        assertThat(only(runtime, "RUN"))
                .allMatch(
                        run -> run.arguments().contains("useradd --system --uid 1001 --gid banq"));

        // and: exec-form entry point on the jar, so the JVM gets the stop signal as PID 1
        String entrypoint = only(runtime, "ENTRYPOINT").getFirst().arguments();
        assertThat(entrypoint).startsWith("[\"java\"").contains("\"/opt/banq/" + jar + "\"]");
    }

    @ParameterizedTest
    @CsvSource({"api, true", "batch, false", "miner, false"})
    void onlyTheApiHasAHealthCheckAndItAsksHealth(String image, boolean hasHealthCheck)
            throws IOException {
        List<Instruction> checks =
                only(parse(Repository.infra("docker", image, "Dockerfile")), "HEALTHCHECK");

        assertThat(checks).hasSize(1);
        if (hasHealthCheck) {
            assertThat(checks.getFirst().arguments())
                    .contains(
                            "CMD [",
                            "/dev/tcp/127.0.0.1/8001",
                            "GET /health",
                            "\\\"status\\\":\\\"ok\\\"");
        } else {
            assertThat(checks.getFirst().arguments()).isEqualTo("NONE");
        }
    }

    @ParameterizedTest
    @CsvSource({"api", "batch", "miner"})
    void buildContextLeavesOutBuildOutputAndLocalState(String image) throws IOException {
        List<String> ignored =
                Files.readAllLines(Repository.infra("docker", image, "Dockerfile.dockerignore"));

        assertThat(ignored).contains(".git", "**/target", "**/node_modules", "var", "*.db");
    }

    @ParameterizedTest
    @CsvSource({"xpowerbanq/banq-api", "xpowerbanq/banq-batch", "xpowermine/banq-miner"})
    void operationsDocRunsEachImageWithoutCapabilitiesOnAReadOnlyRootWithinLimits(String image)
            throws IOException {
        String doc = Files.readString(Repository.root().resolve("docs/OPERATIONS.md"));

        List<String> runs =
                Stream.of(doc.replace("\\\n", " ").split("\n"))
                        .filter(line -> line.startsWith("docker run "))
                        .filter(line -> line.strip().endsWith(" " + image))
                        .toList();

        assertThat(runs).as("a docker run line for %s", image).hasSize(1);
        assertThat(runs.getFirst())
                .contains("--cap-drop=ALL")
                .contains("--security-opt=no-new-privileges")
                .contains("--read-only")
                .contains("--tmpfs /tmp:")
                .containsPattern("--cpus=\\d")
                .contains("--memory=500m", "--memory-swap=500m")
                .doesNotContain("PRIVATE_KEY=", "MINT_ADDRESS_PK=");
    }

    private static int majorOf(Instruction from, String pattern) {
        Matcher version = Pattern.compile(pattern).matcher(from.arguments());
        assertThat(version.matches()).as("FROM %s matches %s", from.arguments(), pattern).isTrue();
        return Integer.parseInt(version.group(1));
    }

    private static List<Instruction> only(List<Instruction> instructions, String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    static List<Instruction> parse(Path dockerfile) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String text = pending.toString().replaceAll("\\s+", " ").strip();
            pending.setLength(0);
            int space = text.indexOf(' ');
            instructions.add(
                    new Instruction(
                            text.substring(0, space).toUpperCase(java.util.Locale.ROOT),
                            text.substring(space + 1)));
        }
        return instructions;
    }
}
