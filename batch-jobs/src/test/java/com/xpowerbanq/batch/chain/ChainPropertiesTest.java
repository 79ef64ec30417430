package com.xpowerbanq.batch.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The chain settings as application.properties binds them from the environment. */
class ChainPropertiesTest {

    private static ChainProperties bind(Map<String, Object> env) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addLast(new SystemEnvironmentPropertySource("env", env));
        new PropertiesPropertySourceLoader()
                .load("application", new ClassPathResource("application.properties"))
                .forEach(sources::addLast);
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bindOrCreate("banq.chain", ChainProperties.class);
    }

    @Test
    void theOriginalVariablesAreBound() throws IOException {
        // given: the variables the original system read
        Map<String, Object> env =
                Map.of(
                        "PROVIDER_URL", "http://a:8545, http://b:8545",
                        "CONTRACT_RUN", "v10b",
                        "CONTRACTS_FILE", "/etc/banq/contracts.env");

        // when
        ChainProperties chain = bind(env);

        // then
        assertThat(chain.providerUrl()).isEqualTo("http://a:8545, http://b:8545");
        assertThat(chain.run()).isEqualTo("v10b");
        assertThat(chain.contractsFile()).isEqualTo("/etc/banq/contracts.env");
        // the network is no setting: the registry follows the chain id the endpoints answer
        assertThat(ChainProperties.class.getRecordComponents())
                .extracting(java.lang.reflect.RecordComponent::getName)
                .doesNotContain("network");
    }

    @Test
    void noPropertyPicksANetwork() throws IOException {
        var properties =
                new PropertiesPropertySourceLoader()
                        .load("application", new ClassPathResource("application.properties"));

        assertThat(properties)
                .allSatisfy(
                        source ->
                                assertThat(source.containsProperty("banq.chain.network"))
                                        .isFalse());
    }

    @Test
    void unsetOrBlankVariablesMeanTheDefaults() throws IOException {
        ChainProperties chain = bind(Map.of("PROVIDER_URL", " ", "CONTRACT_RUN", ""));

        assertThat(chain.providerUrl()).isNull();
        assertThat(chain.contractsFile()).isNull();
        assertThat(chain.run()).isEqualTo("v10a");
        assertThat(chain.callTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(chain.retryPolicy().attempts()).isEqualTo(6);
        assertThat(chain.confirmations()).isEqualTo(64);
    }

    @Test
    void theBanqNameWinsOverTheOriginalVariable() throws IOException {
        ChainProperties chain =
                bind(
                        Map.of(
                                "PROVIDER_URL", "http://original:8545",
                                "BANQ_CHAIN_PROVIDER_URL", "http://banq:8545"));

        assertThat(chain.providerUrl()).isEqualTo("http://banq:8545");
    }

    @Test
    void aBadSettingIsRefusedAtStartNamingIt() {
        assertThatThrownBy(() -> bind(Map.of("CONTRACT_RUN", "latest")))
                .hasRootCauseMessage(
                        "CONTRACT_RUN (banq.chain.contract-run) must be a contract run like v10a,"
                                + " not 'latest'");
        assertThatThrownBy(() -> bind(Map.of("BANQ_CHAIN_ATTEMPTS", "0")))
                .hasRootCauseMessage(
                        "banq.chain.attempts (BANQ_CHAIN_ATTEMPTS) must be at least 1, not 0");
    }
}
