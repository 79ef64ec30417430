package com.xpowerbanq.batch.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The account PostgreSQL's programs run under. initdb and postgres refuse to run as root, so a JVM
 * running as root (as CI does) runs them as the postgres system user that Debian's package creates,
 * through runuser, and hands that user the folders they write.
 */
final class ServerAccount {
    static final String DEBIAN_USER = "postgres";

    private final @Nullable UserPrincipal runAs;

    private ServerAccount(@Nullable UserPrincipal runAs) {
        this.runAs = runAs;
    }

    static ServerAccount ofThisProcess() {
        if (!isRoot()) {
            return new ServerAccount(null);
        }
        try {
            return new ServerAccount(
                    FileSystems.getDefault()
                            .getUserPrincipalLookupService()
                            .lookupPrincipalByName(DEBIAN_USER));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the tests run as root, and PostgreSQL refuses root: they run it as the"
                            + " system user '"
                            + DEBIAN_USER
                            + "', which is missing. Install the Debian package postgresql"
                            + " (infra/setup-test-tools.sh does), or run the tests as another"
                            + " user",
                    e);
        }
    }

    /** The command line that runs a program under this account. */
    List<String> command(List<String> argv) {
        if (runAs == null) {
            return argv;
        }
        List<String> command = new ArrayList<>(List.of("runuser", "-u", runAs.getName(), "--"));
        command.addAll(argv);
        return command;
    }

    /** Gives a file or folder this process made to the account, so that the server can write it. */
    void own(Path path) {
        if (runAs == null) {
            return;
        }
        try {
            Files.setOwner(path, runAs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + path + " to " + runAs.getName(), e);
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read this process's user id", e);
        }
    }
}
