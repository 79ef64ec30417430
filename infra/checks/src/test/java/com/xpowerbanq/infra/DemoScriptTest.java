package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** infra/demo/demo.sh refuses bad arguments before it builds, removes or starts anything. */
class DemoScriptTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--hosts 3   | --hosts must be 1 or 2, not '3'",
                "--hosts=two | --hosts must be 1 or 2, not 'two'",
                "--hosts     | --hosts needs a number",
                "--run v9    | --run must be v10a, v10b or v10c, not 'v9'",
                "--nodes 2   | unknown argument '--nodes'"
            })
    void aBadArgumentIsAUsageErrorNamingIt(String arguments, String message) {
        // given
        List<String> argv = new ArrayList<>();
        argv.add(Repository.infra("demo", "demo.sh").toString());
        argv.addAll(List.of(arguments.split(" ")));

        // when
        Command.Result result = Command.run(argv);

        // then
        assertThat(result.exitCode()).as(result.output()).isEqualTo(64);
        assertThat(result.output())
                .contains("demo: " + message)
                .contains("usage: ./banq demo [--run v10a|v10b|v10c] [--hosts 2]");
    }
}
