package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

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

    /**
     * A client that trusts only the given throwaway certificate and speaks only the given TLS
     * version; the caller may add more (a local address) before building it.
     */
    static HttpClient.Builder trustingClient(Path certificate, String protocol) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry(
                    "nginx", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {protocol});
        return HttpClient.newBuilder()
                .sslContext(context)
                .sslParameters(parameters)
                .connectTimeout(Duration.ofSeconds(5));
    }
}
