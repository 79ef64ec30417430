package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jars that ship (systemd, the container images, install.sh) hold the product only: no class of
 * the devnet harness, no benchmark, no JUnit, no contract artifact, and none of anvil's well-known
 * private keys, in the jar or in any jar nested in it.
 */
class ShippedJarsTest {
    /** Entry names of the workshop: the harness, benchmarks, JUnit, JMH, contracts. */
    private static final Pattern WORKSHOP =
            Pattern.compile(
                    "(.*/)?(com/xpowerbanq/devnet/.*"
                            + "|com/xpowerbanq/(.*/)?[^/]*(?i:bench)[^/]*(/.*)?"
                            + "|com/xpowerbanq/.*LoadGenerator.*"
                            + "|org/junit/.*|junit[^/]*\\.jar"
                            + "|org/openjdk/jmh/.*|META-INF/BenchmarkList"
                            + "|devnet/artifacts/.*|[^/]*\\.sol)");

    private static final Pattern KEY = Pattern.compile("\"0x([0-9a-f]{64})\"");

    private static List<String> anvilKeys;

    /** anvil's ten dev keys, read from the harness's source, which is where they belong. */
    @BeforeAll
    static void readAnvilKeys() throws IOException {
        anvilKeys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Repository.infra("devnet", "src", "main"))) {
            for (Path file : files.filter(f -> f.endsWith("DevAccounts.java")).toList()) {
                Matcher key = KEY.matcher(Files.readString(file));
                while (key.find()) {
                    anvilKeys.add(key.group(1));
                }
            }
        }
        assertThat(anvilKeys).as("anvil's keys in DevAccounts.java").hasSize(10);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "batch-jobs/target/banq-batch.jar",
                "api/target/banq-api.jar",
                "miner/target/banq-miner.jar"
            })
    void aShippedJarHoldsNothingOfTheWorkshop(String path) throws IOException {
        // given
        Path jar = Repository.root().resolve(path);
        assertThat(jar).as("%s: build it first (./banq build)", path).isRegularFile();

        // when
        List<String> workshop = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (InputStream in = Files.newInputStream(jar)) {
            scan(path, in, workshop, keys);
        }

        // then
        assertThat(workshop).as("workshop entries in %s", path).isEmpty();
        assertThat(keys).as("entries of %s with an anvil key", path).isEmpty();
    }

    @Test
    void theScanFindsTheWorkshopAndKeysInNestedJars() throws IOException {
        // given: a Spring Boot jar that nests a jar with a harness class holding an anvil key
        byte[] nested = zip("com/xpowerbanq/devnet/DevAccounts.class", "k=0x" + anvilKeys.get(3));
        byte[] outer = zip("BOOT-INF/lib/banq-devnet.jar", nested);

        // when
        List<String> workshop = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        scan("app.jar", new ByteArrayInputStream(outer), workshop, keys);

        // then
        assertThat(workshop)
                .containsExactly(
                        "app.jar!/BOOT-INF/lib/banq-devnet.jar!/com/xpowerbanq/devnet/DevAccounts.class");
        assertThat(keys).isEqualTo(workshop);
        assertThat(
                        WORKSHOP.matcher("BOOT-INF/classes/com/xpowerbanq/api/ApiBenchmark.class")
                                .matches())
                .isTrue();
        assertThat(WORKSHOP.matcher("BOOT-INF/lib/junit-jupiter-api-6.0.3.jar").matches()).isTrue();
        assertThat(WORKSHOP.matcher("devnet/artifacts/Pool.json").matches()).isTrue();
        assertThat(WORKSHOP.matcher("com/xpowerbanq/api/ApiServer.class").matches()).isFalse();
    }

    private static byte[] zip(String name, String text) throws IOException {
        return zip(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** Walks a jar and the jars nested in it; collects workshop entries and entries with a key. */
    private static void scan(String where, InputStream in, List<String> workshop, List<String> keys)
            throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            String name = where + "!/" + entry.getName();
            if (WORKSHOP.matcher(entry.getName()).matches()) {
                workshop.add(name);
            }
            byte[] bytes = zip.readAllBytes();
            if (entry.getName().endsWith(".jar")) {
                scan(name, new ByteArrayInputStream(bytes), workshop, keys);
                continue;
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase();
            for (String key : anvilKeys) {
                if (text.contains(key)) {
                    keys.add(name);
                }
            }
        }
    }
}
