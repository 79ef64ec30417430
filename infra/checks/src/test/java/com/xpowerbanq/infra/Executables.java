package com.xpowerbanq.infra;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the tools the checks run. A missing tool skips its checks with a message naming the Debian
 * package; infra/setup-test-tools.sh (run by ./banq test) installs them.
 */
final class Executables {
    private Executables() {}

    static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        // nginx lives in /usr/sbin, which a non-root PATH often lacks
        return Stream.concat(
                        Stream.of(path.split(File.pathSeparator)),
                        Stream.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The tool's path, or the calling test is skipped with a message saying what to install. */
    static String require(String name, String debianPackage) {
        Optional<Path> tool = find(name);
        assumeTrue(
                tool.isPresent(),
                () ->
                        name
                                + " is not installed: skipped. Install the Debian package '"
                                + debianPackage
                                + "' (infra/setup-test-tools.sh does, as root)");
        return tool.orElseThrow().toString();
    }
}
