package com.xpowerbanq.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.row.LogJson;
import com.xpowerbanq.schema.row.RiRow;
import com.xpowerbanq.schema.row.RowJson;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} and {@code export} as an operator types them: stdin, stdout, exit codes. */
class TransferCommandTest {
    @TempDir Path state;

    private Console ran(String stdin, String... words) {
        List<String> args = new ArrayList<>(List.of("--state-dir=" + state));
        args.addAll(List.of(words));
        return Console.run(stdin, args.toArray(String[]::new));
    }

    private static String lines(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            LogJson log =
                    new LogJson(
                            "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                            "0x%064x".formatted(100 + i),
                            100 + i,
                            "0x",
                            0,
                            false,
                            List.of(),
                            "0x%064x".formatted(i),
                            0);
            RiRow row =
                    new RiRow(
                            "00000000-0000-5000-8000-%012d".formatted(i),
                            BigInteger.TEN.pow(27),
                            BigInteger.ZERO,
                            BigInteger.TEN.pow(17),
                            BigInteger.valueOf(1_700_000_000L + 3600L * i),
                            "APOW",
                            "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512",
                            "supply",
                            log);
            text.append(RowJson.write(row)).append('\n');
        }
        return text.toString();
    }

    @Test
    void importByApiNameThenExportByInstanceIdGivesBackTheSameLines() {
        // given
        String lines = lines(5);

        // when
        Console imported = ran(lines, "import", "ri_apow_supply_0", "batch=2");
        Console again = ran(lines, "import", "APOW:supply:P000");
        Console exported = ran("", "export", "APOW:supply:P000");
        Console part = ran("", "export", "ri_apow_supply_0", "from=101", "to=102");

        // then
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out())
                .contains("APOW:supply:P000: read 5, inserted 5, already present 0")
                .contains(
                        "last block 104; continue with: run reindex-watch"
                                + " series=APOW:supply:P000 from=104");
        assertThat(again.out()).contains("read 5, inserted 0, already present 5");
        assertThat(exported.code()).isZero();
        assertThat(exported.out()).isEqualTo(lines);
        assertThat(part.out())
                .isEqualTo(String.join("\n", lines.split("\n")[1], lines.split("\n")[2]) + "\n");
    }

    @Test
    void aMalformedLineExits65NamingTheLine() {
        String bad = lines(3) + "{\"id\": broken\n";

        Console imported = ran(bad, "import", "APOW:supply:P000", "batch=2");

        assertThat(imported.code()).isEqualTo(65);
        assertThat(imported.err())
                .contains("line 4: not JSON")
                .contains("the 2 rows before it were");
        assertThat(ran("", "export", "APOW:supply:P000").out().lines().count()).isEqualTo(2);
    }

    @Test
    void badArgumentsAreUsageErrorsAndAMissingDatabaseIsUnavailable() {
        assertThat(ran("", "import").err()).contains("import needs a series");
        assertThat(ran("", "import", "APOW:supply:P000", "batch=0").code()).isEqualTo(64);
        assertThat(ran("", "import", "ri_apow_lend_0").code()).isEqualTo(64);
        assertThat(ran("", "export", "APOW:supply:P000", "size=3").err())
                .contains("export takes from, to; unknown parameter 'size'");
        assertThat(ran("", "export", "APOW:supply:P000", "from=9", "to=3").err())
                .contains("from=9 is after to=3");

        Console missing = ran("", "export", "rt_xpow_apow_0");

        assertThat(missing.code()).isEqualTo(69);
        assertThat(missing.err())
                .contains(
                        "no series database at "
                                + state.resolve(Catalogue.parse("XPOW_APOW:T000").stateFile()));
    }
}
