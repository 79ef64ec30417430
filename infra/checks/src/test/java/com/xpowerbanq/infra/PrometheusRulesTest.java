package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/prometheus with promtool: the alert rules are valid and their unit tests pass (each alert
 * fires on series that break it and stays silent on healthy ones); the sample configuration is
 * valid once its paths are those of this checkout.
 */
class PrometheusRulesTest {
    private static final Path DIR = Repository.infra("prometheus");

    @Test
    void alertRulesAreValid() {
        Command.Result result =
                promtool("check", "rules", DIR.resolve("banq.rules.yml").toString());

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS: 10 rules found");
    }

    @Test
    void everyAlertFiresOnBreakingSeriesAndStaysSilentOnHealthyOnes() throws Exception {
        Command.Result result =
                promtool("test", "rules", DIR.resolve("banq.rules.test.yml").toString());

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS");
        String rules = Files.readString(DIR.resolve("banq.rules.yml"));
        String tests = Files.readString(DIR.resolve("banq.rules.test.yml"));
        for (String alert : alerts(rules)) {
            assertThat(tests).as("a unit test of %s", alert).contains("alertname: " + alert + "\n");
        }
    }

    @Test
    void sampleScrapeConfigurationIsValid(@TempDir Path work) throws Exception {
        Path config = work.resolve("prometheus.yml");
        Files.writeString(
                config,
                LoopbackPrometheus.configuration(
                        Map.of(
                                "banq-batch", "127.0.0.1:8002",
                                "banq-api", "127.0.0.1:8003",
                                "banq-miner", "127.0.0.1:8004")));

        Command.Result result = promtool("check", "config", config.toString());

        assertThat(result.ok()).as(result.output()).isTrue();
        String sample = Files.readString(DIR.resolve("prometheus.banq.yml"));
        assertThat(sample)
                .contains("job_name: banq-batch", "metrics_path: /actuator/prometheus")
                .contains("job_name: banq-api", "job_name: banq-miner")
                .doesNotContain("0.0.0.0");
    }

    private static List<String> alerts(String rules) {
        return rules.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("- alert: "))
                .map(line -> line.substring("- alert: ".length()))
                .toList();
    }

    static Command.Result promtool(String... args) {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(Executables.require("promtool", "prometheus"));
        argv.addAll(List.of(args));
        return Command.run(argv);
    }
}
