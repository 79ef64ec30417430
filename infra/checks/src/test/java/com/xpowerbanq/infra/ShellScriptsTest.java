package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellScriptsTest {

    @Test
    void everyShellScriptOfTheRepositoryPassesShellcheck() {
        // given
        String shellcheck = Executables.require("shellcheck", "shellcheck");
        List<Path> scripts = Repository.shellScripts();
        assertThat(scripts)
                .contains(
                        Repository.root().resolve("banq"),
                        Repository.infra("install.sh"),
                        Repository.infra("setup-test-tools.sh"),
                        Repository.infra("bin", "banq-link.sh"),
                        Repository.infra("profile.d", "banq.sh"));

        // when
        List<String> argv = new ArrayList<>(List.of(shellcheck, "--format=gcc"));
        scripts.forEach(script -> argv.add(script.toString()));
        Command.Result result = Command.run(argv);

        // then
        assertThat(result.ok()).as("shellcheck findings:%n%s", result.output()).isTrue();
    }
}
