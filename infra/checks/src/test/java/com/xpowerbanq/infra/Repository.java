package com.xpowerbanq.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Paths of the checked-out repository, from the system property the build sets. */
final class Repository {
    /** Build output, installed packages and runtime state: not the project's own scripts. */
    private static final Set<String> NOT_SOURCES = Set.of(".git", "node_modules", "target", "var");

    private Repository() {}

    static Path root() {
        return Path.of(System.getProperty("banq.root", "../..")).toAbsolutePath().normalize();
    }

    static Path infra(String first, String... more) {
        return root().resolve("infra").resolve(Path.of(first, more));
    }

    /** Every *.sh of the repository, plus the ./banq launcher. */
    static List<Path> shellScripts() {
        List<Path> scripts = new ArrayList<>();
        scripts.add(root().resolve("banq"));
        try {
            Files.walkFileTree(
                    root(),
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(
                                Path dir, BasicFileAttributes attrs) {
                            return NOT_SOURCES.contains(dir.getFileName().toString())
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile() && file.toString().endsWith(".sh")) {
                                scripts.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scripts.stream().sorted().toList();
    }
}
