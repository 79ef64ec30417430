package com.xpowerbanq.devnet;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Finds the pinned anvil: an explicit path, env ANVIL, or node_modules of infra/devnet. */
final class AnvilBinary {

    static final String PACKAGE_PATH = "node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";

    static Path locate(@Nullable Path explicit) {
        if (explicit != null) {
            return requireExecutable(explicit, "the anvil path given in DevnetOptions");
        }
        String env = System.getenv("ANVIL");
        if (env != null && !env.isBlank()) {
            return requireExecutable(Path.of(env), "env ANVIL");
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path from : new Path[] {start, codeLocation()}) {
            for (Path dir = from; dir != null; dir = dir.getParent()) {
                for (Path candidate :
                        new Path[] {
                            dir.resolve("infra/devnet").resolve(PACKAGE_PATH),
                            dir.resolve(PACKAGE_PATH)
                        }) {
                    if (Files.isExecutable(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        throw new DevnetException(
                "anvil not found under infra/devnet/"
                        + PACKAGE_PATH
                        + " (searched upwards from "
                        + start
                        + " and from this jar): run `npm ci` in infra/devnet (./banq test does"
                        + " it) or set ANVIL to the anvil binary");
    }

    /** Where this class was loaded from (infra/devnet/target/...), or null. */
    private static @Nullable Path codeLocation() {
        try {
            return Path.of(
                            AnvilBinary.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI())
                    .toAbsolutePath();
        } catch (RuntimeException | java.net.URISyntaxException e) {
            return null;
        }
    }

    private static Path requireExecutable(Path path, String source) {
        if (!Files.isExecutable(path)) {
            throw new DevnetException(source + " names '" + path + "', which is not executable");
        }
        return path.toAbsolutePath();
    }

    private AnvilBinary() {}
}
