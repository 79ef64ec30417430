package com.xpowerbanq.keepertest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Outside com.xpowerbanq.batch so that no component scan of the application finds it. The keeper
 * and schedule packages on Spring Boot's auto-configuration with a JDBC job repository on a SQLite
 * file: what the integration tests start, in-process or as a child JVM.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ComponentScan(
        basePackages = {"com.xpowerbanq.batch.keeper", "com.xpowerbanq.batch.schedule"},
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
public class KeeperTestApplication {

    /**
     * Properties of a context on the devnet at {@code rpcUrl}, with its state in {@code stateDir}.
     */
    public static List<String> properties(String rpcUrl, Path registry, Path stateDir) {
        List<String> properties = new ArrayList<>();
        properties.add("banq.chain.provider-url=" + rpcUrl);
        properties.add("banq.chain.contracts-file=" + registry);
        properties.add(
                "spring.datasource.url=jdbc:sqlite:"
                        + stateDir.resolve("batch.db")
                        + "?busy_timeout=30000&journal_mode=WAL&transaction_mode=IMMEDIATE");
        properties.add("spring.datasource.hikari.maximum-pool-size=4");
        properties.add("spring.batch.jdbc.initialize-schema=always");
        properties.add("spring.batch.job.enabled=false");
        properties.add("banq.keeper.receipt-poll=100ms");
        properties.add("banq.keeper.receipt-timeout=30s");
        return properties;
    }

    public static ConfigurableApplicationContext start(List<String> properties) {
        return new SpringApplicationBuilder(KeeperTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new))
                .run();
    }

    /** Runs a context as a child process would: {@code java -cp … KeeperTestApplication serve}. */
    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(KeeperTestApplication.class)
                        .web(WebApplicationType.NONE)
                        .run(args);
        if (args.length > 0 && args[0].equals("serve")) {
            context.getBean(com.xpowerbanq.batch.schedule.ScheduleDaemon.class).serve();
        } else if (args.length > 1 && args[0].equals("run")) {
            var parameters =
                    new org.springframework.batch.core.job.parameters.JobParametersBuilder();
            for (int i = 2; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    continue;
                }
                String[] pair = args[i].split("=", 2);
                parameters.addString(pair[0], pair[1]);
            }
            org.springframework.batch.core.job.JobExecution execution;
            try {
                execution =
                        context.getBean(org.springframework.batch.core.launch.JobOperator.class)
                                .start(
                                        context.getBean(
                                                args[1] + "Job",
                                                org.springframework.batch.core.job.Job.class),
                                        parameters.toJobParameters());
            } catch (Exception e) {
                System.out.println(e.getMessage());
                System.exit(64);
                return;
            }
            System.out.println("execution " + execution.getId() + " " + execution.getStatus());
            System.exit(
                    execution.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED
                            ? 0
                            : 1);
        }
    }
}
