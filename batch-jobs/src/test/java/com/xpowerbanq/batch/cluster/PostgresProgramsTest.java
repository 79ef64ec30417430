package com.xpowerbanq.batch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresProgramsTest {
    @TempDir Path lib;

    @Test
    void theNewestCompleteServerVersionIsChosen() throws IOException {
        // given: 9.6 and 15 complete, 17 with a client only
        server("9.6");
        server("15");
        Files.createDirectories(lib.resolve("17/bin"));
        executable(lib.resolve("17/bin/psql"));

        // when
        PostgresPrograms programs = PostgresPrograms.find(Map.of(), lib);

        // then
        assertThat(programs.bin()).isEqualTo(lib.resolve("15/bin"));
        assertThat(programs.program("initdb")).isEqualTo(lib.resolve("15/bin/initdb"));
    }

    @Test
    void pgBinOverridesTheSearch() throws IOException {
        // given
        server("15");
        Path own = server("own");

        // when
        PostgresPrograms programs = PostgresPrograms.find(Map.of("PG_BIN", own.toString()), lib);

        // then
        assertThat(programs.bin()).isEqualTo(own);
    }

    @Test
    void noServerSaysWhatInstallsOne() {
        assertThatThrownBy(() -> PostgresPrograms.find(Map.of(), lib.resolve("absent")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no PostgreSQL server")
                .hasMessageContaining("Debian package postgresql")
                .hasMessageContaining("infra/setup-test-tools.sh");
    }

    @Test
    void aPgBinWithoutTheServerIsRefusedByName() {
        assertThatThrownBy(() -> PostgresPrograms.find(Map.of("PG_BIN", lib.toString()), lib))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PG_BIN=" + lib)
                .hasMessageContaining("initdb");
    }

    private Path server(String version) throws IOException {
        Path bin = Files.createDirectories(lib.resolve(version).resolve("bin"));
        for (String program : new String[] {"initdb", "pg_ctl", "postgres"}) {
            executable(bin.resolve(program));
        }
        return bin;
    }

    private static void executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
