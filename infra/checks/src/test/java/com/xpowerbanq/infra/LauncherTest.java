package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ./banq with stand-ins for the JDK and Maven: what it hands to Maven for each JDK version. */
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
                                "PATH",
                                bin + ":" + System.getenv("PATH")));

        // then
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output().strip())
                .startsWith(expected + " args=[-f " + Repository.root().resolve("pom.xml"));
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
