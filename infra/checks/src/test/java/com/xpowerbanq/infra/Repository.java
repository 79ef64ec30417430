package com.xpowerbanq.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Paths of the checked-out repository, from the system property the build sets. */
final class Repository {
    /** {@code #!/bin/sh}, {@code #!/usr/bin/env bash}, {@code #!/bin/bash -e} and the like. */
    private static final Pattern SHELL_SHEBANG =
            Pattern.compile("^#!\\s*(/usr)?/bin/(env\\s+(-\\S+\\s+)*)?(ba|da)?sh(\\s.*)?$");

    private Repository() {}

    static Path root() {
        return Path.of(System.getProperty("banq.root", "../..")).toAbsolutePath().normalize();
    }

    static Path infra(String first, String... more) {
        return root().resolve("infra").resolve(Path.of(first, more));
    }

    /**
     * The shell scripts of the repository: every file git tracks (or would track: new files not
     * ignored) whose first line is an sh or bash shebang, and every *.sh (sourced files have none).
     */
    static List<Path> shellScripts() {
        Command.Result files =
                Command.run(
                        List.of(
                                "git",
                                "-C",
                                root().toString(),
                                "ls-files",
                                "-z",
                                "--cached",
                                "--others",
                                "--exclude-standard"),
                        null,
                        Map.of());
        if (!files.ok()) {
            throw new IllegalStateException(
                    "git ls-files in "
                            + root()
                            + " failed: the checks run in a git checkout\n"
                            + files.output());
        }
        return Stream.of(files.output().split("\0"))
                .filter(name -> !name.isEmpty())
                .map(root()::resolve)
                .distinct()
                .filter(Files::isRegularFile)
                .filter(file -> file.toString().endsWith(".sh") || hasShellShebang(file))
                .sorted()
                .toList();
    }

    static boolean hasShellShebang(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(256), StandardCharsets.ISO_8859_1);
            String first = head.lines().findFirst().orElse("");
            return SHELL_SHEBANG.matcher(first.strip()).matches();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
