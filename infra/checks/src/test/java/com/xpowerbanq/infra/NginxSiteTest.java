package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NginxSiteTest {
    @TempDir Path prefix;

    @Test
    void nginxAcceptsTheSiteWithAThrowawayCertificate() throws IOException {
        LoopbackNginx nginx = LoopbackNginx.configure(prefix, 8001);

        Command.Result result = nginx.test();

        assertThat(result.ok()).as("nginx -t:%n%s", result.output()).isTrue();
        assertThat(result.output()).contains("test is successful");
    }

    @Test
    void siteAllowsTls13OnlyAndSendsTheSecurityHeaders() throws IOException {
        String site = Files.readString(Repository.infra("nginx", "banq-api.conf"));

        assertThat(site)
                .contains("ssl_protocols TLSv1.3;")
                .contains("rate=100r/s")
                .contains("burst=200 nodelay")
                .contains("limit_req_status 429;")
                .contains("keepalive 32;")
                .contains("gzip_types application/json")
                .contains("add_header Strict-Transport-Security")
                .contains("add_header X-Content-Type-Options \"nosniff\" always;")
                .contains("add_header X-Frame-Options")
                .contains("add_header Referrer-Policy");
    }
}
