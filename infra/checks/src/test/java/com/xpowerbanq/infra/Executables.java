package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the tools the checks run. A missing tool fails its checks with a message naming the Debian
 * package and infra/setup-test-tools.sh, which installs them (./banq test runs it first); only
 * systemd-analyze may be absent, where systemd is not installed, and then its checks skip.
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

    /** The tool's path; the calling test fails, saying what to install, when it is missing. */
    static String require(String name, String debianPackage) {
        return find(name)
                .orElseGet(
                        () ->
                                fail(
                                        "%s is not installed: install the Debian package '%s'."
                                                + " infra/setup-test-tools.sh installs every tool"
                                                + " the infra checks need (as root, or with"
                                                + " password-less sudo); ./banq test runs it first",
                                        name, debianPackage))
                .toString();
    }

    /** systemd-analyze's path, or the calling test is skipped where systemd is not installed. */
    static String systemdAnalyze() {
        Optional<Path> tool = find("systemd-analyze");
        assumeTrue(
                tool.isPresent(),
                "systemd-analyze is not installed (Debian package 'systemd'): the unit checks skip."
                        + " infra/setup-test-tools.sh installs it where the package exists");
        return tool.orElseThrow().toString();
    }
}
