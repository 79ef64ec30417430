package com.xpowerbanq.batch.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The folder of a PostgreSQL server's programs: the one env PG_BIN names, or else the newest {@code
 * <major>/bin} under Debian's /usr/lib/postgresql, which keeps them off PATH.
 */
record PostgresPrograms(Path bin) {
    static final Path DEBIAN_LIB = Path.of("/usr/lib/postgresql");
    private static final List<String> SERVER = List.of("initdb", "pg_ctl", "postgres");

    static PostgresPrograms find() {
        return find(System.getenv(), DEBIAN_LIB);
    }

    static PostgresPrograms find(Map<String, String> env, Path lib) {
        String own = env.get("PG_BIN");
        if (own != null && !own.isBlank()) {
            Path bin = Path.of(own);
            if (!complete(bin)) {
                throw new IllegalStateException(
                        "PG_BIN="
                                + own
                                + " lacks one of "
                                + SERVER
                                + ": point it at the bin"
                                + " folder of a PostgreSQL server, or unset it");
            }
            return new PostgresPrograms(bin);
        }
        return versions(lib)
                .filter(PostgresPrograms::complete)
                .max(Comparator.comparing(PostgresPrograms::major))
                .map(PostgresPrograms::new)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "no PostgreSQL server: no "
                                                + lib
                                                + "/<major>/bin holds "
                                                + SERVER
                                                + ". Install the Debian package postgresql"
                                                + " (infra/setup-test-tools.sh does; ./banq test"
                                                + " runs it) or set PG_BIN"));
    }

    Path program(String name) {
        return bin.resolve(name);
    }

    private static Stream<Path> versions(Path lib) {
        if (!Files.isDirectory(lib)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(lib)) {
            return entries.map(version -> version.resolve("bin")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + lib, e);
        }
    }

    private static boolean complete(Path bin) {
        return SERVER.stream().allMatch(name -> Files.isExecutable(bin.resolve(name)));
    }

    /** 9.6 before 15 before 17: majors compare as numbers, part by part. */
    private static Version major(Path bin) {
        return Version.of(bin.getParent().getFileName().toString());
    }

    private record Version(int major, int minor) implements Comparable<Version> {
        static Version of(String name) {
            String[] parts = name.split("\\.", 2);
            try {
                return new Version(
                        Integer.parseInt(parts[0]),
                        parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
            } catch (NumberFormatException e) {
                return new Version(-1, 0); // a folder that is no version comes last
            }
        }

        @Override
        public int compareTo(Version other) {
            return Comparator.comparingInt(Version::major)
                    .thenComparingInt(Version::minor)
                    .compare(this, other);
        }
    }
}
