package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellScriptsTest {

    @Test
    void everyShellScriptOfTheRepositoryPassesShellcheck() {
        // given
        String shellcheck = Executables.require("shellcheck", "shellcheck");
        List<Path> scripts = Repository.shellScripts();
        assertThat(scripts)
                .contains(
                        Repository.root().resolve("banq"),
                        Repository.root().resolve(".ci/run"),
                        Repository.root().resolve("mvnw"),
                        Repository.infra("demo", "demo.sh"),
                        Repository.infra("demo", "local-postgres.sh"),
                        Repository.infra("install.sh"),
                        Repository.infra("setup-test-tools.sh"),
                        Repository.infra("bin", "banq-link.sh"),
                        Repository.infra("bin", "banq-cloudflare-ips.sh"),
                        Repository.infra("profile.d", "banq.sh"));

        assertThat(scripts)
                .doesNotContain(
                        Repository.infra("devnet", "compile.js"),
                        Repository.root().resolve("bench/wasm/wasm-bench.mjs"));

        // when
        List<String> argv = new ArrayList<>(List.of(shellcheck, "--format=gcc"));
        scripts.forEach(script -> argv.add(script.toString()));
        Command.Result result = Command.run(argv);

        // then
        assertThat(result.ok()).as("shellcheck findings:%n%s", result.output()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "'#!/usr/bin/env bash', true",
        "'#!/bin/sh', true",
        "'#!/bin/bash -e', true",
        "'#! /usr/bin/env -S bash -eu', true",
        "'#!/usr/bin/dash', true",
        "'#!/usr/bin/env node', false",
        "'#!/usr/bin/env python3', false",
        "'# bash', false",
        "'', false"
    })
    void shellScriptsAreKnownByTheirShebang(String firstLine, boolean shell, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("script");
        Files.writeString(file, firstLine + "\necho hello\n");

        assertThat(Repository.hasShellShebang(file)).as(firstLine).isEqualTo(shell);
    }
}
