package com.xpowerbanq.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** install.sh staged into a directory (DESTDIR) with stand-in jars, and the tree it leaves. */
record FakeRoot(Path root, Path jars) {

    /** A fake root and stand-in jars under {@code scratch}. */
    static FakeRoot in(Path scratch) throws IOException {
        Path root = Files.createDirectories(scratch.resolve("root"));
        Path jars = Files.createDirectories(scratch.resolve("jars"));
        for (String jar : List.of("banq-batch.jar", "banq-api.jar", "banq-miner.jar")) {
            Files.writeString(jars.resolve(jar), jar);
        }
        return new FakeRoot(root, jars);
    }

    Command.Result install(String... more) {
        return install(Map.of(), more);
    }

    Command.Result install(Map<String, String> settings, String... more) {
        List<String> argv =
                new ArrayList<>(
                        List.of(
                                Repository.infra("install.sh").toString(),
                                "--jars",
                                jars.toString()));
        argv.addAll(List.of(more));
        Map<String, String> env = new HashMap<>(settings);
        env.put("DESTDIR", root.toString());
        return Command.run(argv, null, env);
    }

    Path resolve(String path) {
        return root.resolve(path);
    }

    /** relative path -> permissions ("rwxr-xr-x") or link target ("-> /path") */
    Map<String, String> tree() throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(path -> !path.equals(root)).toList()) {
                String key = root.relativize(path).toString();
                tree.put(
                        key,
                        Files.isSymbolicLink(path)
                                ? "-> " + Files.readSymbolicLink(path)
                                : PosixFilePermissions.toString(
                                        Files.getPosixFilePermissions(
                                                path, LinkOption.NOFOLLOW_LINKS)));
            }
        }
        return tree;
    }
}
