package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

/** A self-signed certificate for 127.0.0.1 and localhost, made with openssl, valid one day. */
record ThrowawayCertificate(Path certificate, Path key) {

    static ThrowawayCertificate create(Path dir) {
        String openssl = Executables.require("openssl", "openssl");
        Path certificate = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Command.Result result =
                Command.run(
                        List.of(
                                openssl,
                                "req",
                                "-x509",
                                "-newkey",
                                "ec",
                                "-pkeyopt",
                                "ec_paramgen_curve:prime256v1",
                                "-nodes",
                                "-days",
                                "1",
                                "-subj",
                                "/CN=localhost",
                                "-addext",
                                "subjectAltName=IP:127.0.0.1,DNS:localhost",
                                "-keyout",
                                key.toString(),
                                "-out",
                                certificate.toString()));
        assertThat(result.ok()).as("openssl req:%n%s", result.output()).isTrue();
        return new ThrowawayCertificate(certificate, key);
    }
}
