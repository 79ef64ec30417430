package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SystemdUnitsTest {
    private static final long MEMORY_MAX = 500L << 20;

    /** The original units' hardening set (plus ProtectClock and the syscall filter). */
    private static final List<String> HARDENING =
            List.of(
                    "User=banq",
                    "Group=banq",
                    "MemoryMax=500M",
                    "CPUQuota=100%",
                    "PrivateTmp=yes",
                    "NoNewPrivileges=yes",
                    "ProtectSystem=strict",
                    "ProtectHome=yes",
                    "ReadWritePaths=/var/lib/banq",
                    "ProtectKernelTunables=yes",
                    "ProtectKernelModules=yes",
                    "ProtectKernelLogs=yes",
                    "ProtectControlGroups=yes",
                    "ProtectClock=yes",
                    "RestrictRealtime=yes",
                    "RestrictSUIDSGID=yes",
                    "RemoveIPC=yes",
                    "PrivateMounts=yes",
                    "RestrictNamespaces=yes",
                    "LockPersonality=yes",
                    "SystemCallArchitectures=native",
                    "SystemCallFilter=@system-service",
                    "CapabilityBoundingSet=");

    @TempDir Path scratch;

    @ParameterizedTest
    @ValueSource(strings = {"banq-batch.service", "banq-batch@.service", "banq-api.service"})
    void unitVerifiesWithoutAnyWarning(String unit) {
        String analyze = Executables.systemdAnalyze();

        Command.Result result = Command.run(List.of(analyze, "verify", unitFile(unit).toString()));

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).as("systemd-analyze warnings").isBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"banq-batch.service", "banq-batch@.service"})
    void unitWithTheKeeperKeyDropInVerifiesWithoutAnyWarning(String unit) throws IOException {
        // given: the unit as systemd merges it with the drop-in
        String analyze = Executables.systemdAnalyze();
        Path merged = scratch.resolve(unit);
        Files.writeString(
                merged,
                read(unitFile(unit))
                        + read(
                                Repository.infra(
                                        "systemd", "banq-batch.service.d", "keeper-key.conf")));

        // when
        Command.Result result = Command.run(List.of(analyze, "verify", merged.toString()));

        // then
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).as("systemd-analyze warnings").isBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"banq-batch.service", "banq-batch@.service", "banq-api.service"})
    void unitKeepsTheHardeningSetAndIsRatedOk(String unit) throws IOException {
        List<String> lines = read(unitFile(unit)).lines().toList();
        assertThat(lines).containsAll(HARDENING);
        if (unit.equals("banq-api.service")) {
            assertThat(lines)
                    .contains("ReadOnlyPaths=/srv/db", "IPAddressAllow=localhost")
                    .anyMatch(line -> line.contains("-H 127.0.0.1 -p 8001 -P /srv/db"));
        }

        String analyze = Executables.systemdAnalyze();
        Command.Result result =
                Command.run(
                        List.of(analyze, "security", "--offline=true", unitFile(unit).toString()));
        Matcher level =
                Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d+)")
                        .matcher(result.output());
        assertThat(level.find()).as(result.output()).isTrue();
        assertThat(Double.parseDouble(level.group(1)))
                .as("exposure level (0 safe .. 10 unsafe)")
                .isLessThanOrEqualTo(2.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"banq-batch.service", "banq-batch@.service", "banq-api.service"})
    void jvmFlagsStartAJvmAndStayWithinMemoryMax(String unit) throws IOException {
        // given
        List<String> flags = javaOpts(read(unitFile(unit)));
        long reserved =
                size(flags, "-Xmx")
                        + size(flags, "-XX:MaxMetaspaceSize=")
                        + size(flags, "-XX:ReservedCodeCacheSize=")
                        + size(flags, "-XX:MaxDirectMemorySize=");

        // when
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(flags);
        argv.add("-version");
        Command.Result result = Command.run(argv, null, Map.of());

        // then
        assertThat(result.ok()).as("java %s -version:%n%s", flags, result.output()).isTrue();
        assertThat(flags).contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
        assertThat(reserved)
                .as("heap + metaspace + code cache + direct memory, with room for thread stacks")
                .isLessThan(MEMORY_MAX * 9 / 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runs/banq-batch@.service", "runs/banq-api@.service"})
    void runUnitKeepsTheHardeningSetWithinItsRunsDirectoriesAndIsRatedOk(String unit)
            throws IOException {
        // given: an instance, as systemd loads banq-batch@v10b.service
        String text = read(unitFile(unit));
        String instance = Path.of(unit).getFileName().toString().replace("@", "@v10b");
        Path file = scratch.resolve(instance);
        Files.writeString(file, text);

        // then: the single-run set, each path narrowed to the run's own directory
        assertThat(text.lines().toList())
                .containsAll(
                        HARDENING.stream()
                                .map(
                                        line ->
                                                line.equals("ReadWritePaths=/var/lib/banq")
                                                        ? "ReadWritePaths=/var/lib/banq/%i"
                                                        : line)
                                .toList());
        assertThat(text).doesNotContain("ReadWritePaths=/var/lib/banq\n");
        if (unit.contains("banq-api")) {
            assertThat(text)
                    .contains("ReadOnlyPaths=/srv/db/%i", "IPAddressAllow=localhost")
                    .contains("-H 127.0.0.1 -p ${BANQ_API_PORT} -P /srv/db/%i -S /var/lib/banq/%i");
        } else {
            assertThat(text)
                    .contains("--state-dir=/var/lib/banq/%i --banq.chain.contract-run=%i serve");
        }
        String analyze = Executables.systemdAnalyze();
        Command.Result verify = Command.run(List.of(analyze, "verify", file.toString()));
        assertThat(verify.ok()).as(verify.output()).isTrue();
        assertThat(verify.output()).as("systemd-analyze warnings").isBlank();
        Command.Result result =
                Command.run(List.of(analyze, "security", "--offline=true", file.toString()));
        Matcher level =
                Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d+)")
                        .matcher(result.output());
        assertThat(level.find()).as(result.output()).isTrue();
        assertThat(Double.parseDouble(level.group(1))).isLessThanOrEqualTo(2.0);
        // the same JVM flags as the single-run unit: two runs fit 2 x MemoryMax
        assertThat(javaOpts(text))
                .isEqualTo(javaOpts(read(unitFile(unit.replace("runs/", "").replace("@", "")))));
    }

    /** The JVM flags of a unit's Environment="JAVA_OPTS=..." line. */
    static List<String> javaOpts(String unit) {
        Matcher opts = Pattern.compile("(?m)^Environment=\"JAVA_OPTS=([^\"]+)\"$").matcher(unit);
        assertThat(opts.find()).as("Environment=\"JAVA_OPTS=...\" in the unit").isTrue();
        assertThat(unit).contains("ExecStart=/usr/bin/java $JAVA_OPTS -jar /opt/banq/");
        return Arrays.asList(opts.group(1).trim().split("\\s+"));
    }

    private static long size(List<String> flags, String prefix) {
        String value =
                flags.stream()
                        .filter(flag -> flag.startsWith(prefix))
                        .map(flag -> flag.substring(prefix.length()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no " + prefix + " flag"));
        long number = Long.parseLong(value.replaceAll("[kKmMgG]$", ""));
        return switch (Character.toLowerCase(value.charAt(value.length() - 1))) {
            case 'k' -> number << 10;
            case 'm' -> number << 20;
            case 'g' -> number << 30;
            default -> number;
        };
    }

    private static Path unitFile(String unit) {
        return Repository.infra("systemd", unit);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
