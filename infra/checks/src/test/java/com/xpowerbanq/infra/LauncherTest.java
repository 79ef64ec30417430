package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ./banq with stand-ins for the JDK and Maven (BANQ_MVN in place of ./mvnw): what it hands to Maven
 * for each JDK version, and when it asks Maven to rebuild a jar before running it.
 */
class LauncherTest {
    @TempDir Path scratch;
    private Path jdk;
    private Path bin;

    @BeforeEach
    void standIns() throws IOException {
        jdk = Files.createDirectories(scratch.resolve("jdk/bin"));
        bin = Files.createDirectories(scratch.resolve("bin"));
        // a JDK whose version is FAKE_MAJOR, and a mvn that prints what it was given
        String java = "#!/bin/sh\necho \"    java.specification.version = $FAKE_MAJOR\" >&2\n";
        executable(jdk.resolve("java"), java);
        executable(jdk.resolve("javac"), java);
        executable(bin.resolve("mvn"), "#!/bin/sh\necho \"MAVEN_OPTS=[$MAVEN_OPTS] args=[$*]\"\n");
    }

    @ParameterizedTest
    @CsvSource({
        "21, '', MAVEN_OPTS=[]",
        "22, '', MAVEN_OPTS=[]",
        "23, '', MAVEN_OPTS=[--sun-misc-unsafe-memory-access=allow]",
        "25, '', MAVEN_OPTS=[--sun-misc-unsafe-memory-access=allow]",
        "21, -Xmx1g, MAVEN_OPTS=[-Xmx1g]",
        "25, -Xmx1g, MAVEN_OPTS=[-Xmx1g --sun-misc-unsafe-memory-access=allow]"
    })
    void mavenGetsTheUnsafeMemoryOptionOnlyFromJdk23On(int major, String own, String expected) {
        // when
        Command.Result result =
                Command.run(
                        List.of(Repository.root().resolve("banq").toString(), "build"),
                        scratch,
                        Map.of(
                                "JAVA_HOME",
                                jdk.getParent().toString(),
                                "FAKE_MAJOR",
                                Integer.toString(major),
                                "MAVEN_OPTS",
                                own,
                                "BANQ_MVN",
                                bin.resolve("mvn").toString(),
                                "PATH",
                                bin + ":" + System.getenv("PATH")));

        // then
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output().strip())
                .startsWith(expected + " args=[-f " + Repository.root().resolve("pom.xml"));
    }

    @Test
    void anEditUnderTheDevnetHarnessRebuildsTheDevnetToolOnceBeforeItRuns() throws IOException {
        // given: a checkout whose devnet tool jar was built after its last edit
        Path tree = Files.createDirectories(scratch.resolve("tree"));
        Files.copy(Repository.root().resolve("banq"), tree.resolve("banq"));
        Files.writeString(tree.resolve("pom.xml"), "<project/>");
        Path source =
                file(tree.resolve("infra/devnet/src/main/java/Devnet.java"), "class Devnet {}");
        file(tree.resolve("infra/devnet/package-lock.json"), "{}");
        file(tree.resolve("infra/devnet/node_modules/.banq-lock"), "{}");
        Path jar = file(tree.resolve("tools/devnet/target/banq-devnet-tool.jar"), "");
        Path stamp = file(tree.resolve("tools/devnet/target/.banq-built"), "");
        Instant now = Instant.now();
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : files.toList()) {
                age(file, now.minusSeconds(200));
            }
        }
        age(stamp, now.minusSeconds(100));
        executable(
                jdk.resolve("java"),
                "#!/bin/sh\nif [ \"$1\" = -XshowSettings:properties ]; then"
                        + " echo '    java.specification.version = 25' >&2; else echo \"java [$*]\"; fi\n");
        executable(bin.resolve("node"), "#!/bin/sh\n");
        executable(bin.resolve("npm"), "#!/bin/sh\n");

        // when: nothing changed since the build
        String untouched = devnet(tree);

        // then: the jar runs as it is
        assertThat(untouched).doesNotContain("MAVEN_OPTS").contains("-jar " + jar + " --days 1");

        // when: the harness changes
        age(source, now.minusSeconds(50));
        String edited = devnet(tree);
        String after = devnet(tree);

        // then: Maven brings the tool and what it depends on up to date, once, then it runs
        assertThat(edited)
                .contains(
                        "args=[-f "
                                + tree.resolve("pom.xml")
                                + " -B -q -pl tools/devnet -am package")
                .contains("-jar " + jar + " --days 1");
        assertThat(edited.indexOf("args=[")).isLessThan(edited.indexOf("java ["));
        assertThat(after).doesNotContain("MAVEN_OPTS").contains("-jar " + jar);
    }

    @Test
    void theApiAndItsBenchStartWithTheJvmFlagsOfTheApiUnit() throws IOException {
        // given: a checkout with built api and bench jars, and the unit's flags
        Path tree = Files.createDirectories(scratch.resolve("tree"));
        Files.copy(Repository.root().resolve("banq"), tree.resolve("banq"));
        Path unit = Repository.infra("systemd", "banq-api.service");
        Files.createDirectories(tree.resolve("infra/systemd"));
        Files.copy(unit, tree.resolve("infra/systemd/banq-api.service"));
        String flags = String.join(" ", SystemdUnitsTest.javaOpts(Files.readString(unit)));
        Instant now = Instant.now();
        for (String module : List.of("api", "bench")) {
            String jar = module.equals("api") ? "banq-api.jar" : "banq-bench.jar";
            age(file(tree.resolve(module + "/target/" + jar), ""), now.minusSeconds(200));
            age(file(tree.resolve(module + "/target/.banq-built"), ""), now.minusSeconds(100));
        }
        executable(
                jdk.resolve("java"),
                "#!/bin/sh\nif [ \"$1\" = -XshowSettings:properties ]; then"
                        + " echo '    java.specification.version = 25' >&2;"
                        + " else echo \"java [$*] api-flags [$BANQ_API_JAVA_OPTS]\"; fi\n");

        // when
        String api = launch(tree, "api", "-p", "0");
        String bench = launch(tree, "bench", "api", "--seconds", "1");

        // then: the API's own JVM, and the JVM the bench starts for it, get the unit's sizing
        assertThat(api)
                .contains("java [" + flags + " -jar " + tree.resolve("api/target/banq-api.jar"));
        assertThat(bench).contains("api-flags [" + flags + "]").doesNotContain("java [" + flags);
    }

    private String launch(Path tree, String... args) {
        List<String> command = new ArrayList<>(List.of(tree.resolve("banq").toString()));
        command.addAll(List.of(args));
        Command.Result result =
                Command.run(
                        command,
                        scratch,
                        Map.of(
                                "JAVA_HOME",
                                jdk.getParent().toString(),
                                "BANQ_MVN",
                                bin.resolve("mvn").toString(),
                                "PATH",
                                bin + ":" + System.getenv("PATH")));
        assertThat(result.ok()).as(result.output()).isTrue();
        return result.output();
    }

    private String devnet(Path tree) {
        return launch(tree, "devnet", "--days", "1");
    }

    private static Path file(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void age(Path file, Instant modified) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
