package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The Maven wrapper pins the Maven that builds the project, fetched from Maven Central (the one
 * repository a fresh clone may reach), and the launcher builds with it.
 */
class MavenWrapperTest {

    @Test
    void theWrapperPinsAMaven39ReleaseFromMavenCentral() throws IOException {
        // given
        Properties wrapper = new Properties();
        try (Reader in =
                Files.newBufferedReader(
                        Repository.root().resolve(".mvn/wrapper/maven-wrapper.properties"))) {
            wrapper.load(in);
        }

        // then
        assertThat(wrapper.getProperty("distributionUrl"))
                .matches(
                        "https://repo\\.maven\\.apache\\.org/maven2/org/apache/maven/apache-maven/"
                                + "3\\.9\\.\\d+/apache-maven-3\\.9\\.\\d+-bin\\.zip");
        assertThat(wrapper.getProperty("distributionType")).isEqualTo("only-script");
        Path mvnw = Repository.root().resolve("mvnw");
        assertThat(Files.isExecutable(mvnw)).as("%s is executable", mvnw).isTrue();
    }

    @Test
    void theLauncherBuildsWithTheWrapper() throws IOException {
        String banq = Files.readString(Repository.root().resolve("banq"));
        assertThat(banq).contains("\"${BANQ_MVN:-$ROOT/mvnw}\"").doesNotContain("need_cmd mvn");
    }
}
