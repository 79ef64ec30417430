package com.xpowerbanq.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogueTest {

    static Stream<Series> allSeries() {
        return Catalogue.all().stream();
    }

    @Test
    void catalogueHolds28RiThen14RtSeriesWithDistinctNames() {
        assertThat(Catalogue.ri()).hasSize(28);
        assertThat(Catalogue.rt()).hasSize(14);
        assertThat(Catalogue.all()).hasSize(42);
        assertThat(Catalogue.all().subList(0, 28)).containsExactlyElementsOf(Catalogue.ri());
        assertThat(Catalogue.all().subList(28, 42)).containsExactlyElementsOf(Catalogue.rt());
        Set<String> names = new HashSet<>();
        for (Series series : Catalogue.all()) {
            names.add(series.instanceId());
            names.add(series.stateFile());
            names.add(series.apiName());
        }
        assertThat(names).hasSize(3 * 42);
        assertThat(Catalogue.of(Kind.RI)).isEqualTo(Catalogue.ri());
        assertThat(Catalogue.of(Kind.RT)).isEqualTo(Catalogue.rt());
    }

    @Test
    void firstAndLastSeriesFollowTheOriginalUnitOrder() {
        assertThat(Catalogue.ri().get(0).instanceId()).isEqualTo("APOW:supply:P000");
        assertThat(Catalogue.ri().get(3).instanceId()).isEqualTo("XPOW:borrow:P000");
        assertThat(Catalogue.ri().get(27).instanceId()).isEqualTo("USDT:borrow:P006");
        assertThat(Catalogue.rt().get(0).instanceId()).isEqualTo("XPOW_APOW:T000");
        assertThat(Catalogue.rt().get(7).instanceId()).isEqualTo("APOW_XPOW:T000");
        assertThat(Catalogue.rt().get(13).instanceId()).isEqualTo("XPOW_USDT:T006");
    }

    @ParameterizedTest
    @MethodSource("allSeries")
    void everyNameFormRoundTrips(Series series) {
        assertThat(Catalogue.parse(series.instanceId())).isEqualTo(series);
        assertThat(Catalogue.parse(series.instanceId().replace(':', '_'))).isEqualTo(series);
        assertThat(Catalogue.parse(series.instanceId().replace('_', ':'))).isEqualTo(series);
        assertThat(Catalogue.fromStateFile(series.stateFile())).isEqualTo(series);
        assertThat(Catalogue.fromApiName(series.apiName())).isEqualTo(series);
        assertThat(series.stateFile()).isEqualTo(series.kind().filePrefix() + series + ".db");
        assertThat(series.apiName()).startsWith(series.kind().apiPrefix()).isLowerCase();
    }

    @ParameterizedTest
    @CsvSource({
        "APOW:supply:P000, ri-APOW:supply:P000.db, ri_apow_supply_0",
        "AVAX:borrow:P004, ri-AVAX:borrow:P004.db, ri_wavax_borrow_4",
        "USDT:supply:P006, ri-USDT:supply:P006.db, ri_usdt_supply_6",
        "XPOW_APOW:T000, rt-XPOW_APOW:T000.db, rt_xpow_apow_0",
        "APOW_AVAX:T001, rt-APOW_AVAX:T001.db, rt_apow_wavax_1",
        "USDT_XPOW:T006, rt-USDT_XPOW:T006.db, rt_usdt_xpow_6",
    })
    void namesAreTheOnesTheOriginalAndTheWebUiUse(String id, String file, String api) {
        Series series = Catalogue.parse(id);
        assertThat(series.instanceId()).isEqualTo(id);
        assertThat(series.stateFile()).isEqualTo(file);
        assertThat(series.apiName()).isEqualTo(api);
    }

    @Test
    void seriesNameTheirContractAndParts() {
        assertThat(Catalogue.parse("APOW_supply_P000"))
                .isEqualTo(new RiSeries(Token.APOW, Mode.SUPPLY, Catalogue.pools().get(0)));
        assertThat(Catalogue.parse("apow:SUPPLY:p000").contractName()).isEqualTo("P000");
        assertThat(Catalogue.parse("USDC_XPOW:T005").contractName()).isEqualTo("T005");
        assertThat(Catalogue.pools().get(6).number()).isEqualTo(6);
        assertThat(Token.USDT.symbol()).isEqualTo("USDt");
        assertThat(Token.AVAX.apiSymbol()).isEqualTo("wavax");
        assertThat(List.of(Token.values()).stream().map(Token::decimals))
                .containsExactly(18, 18, 18, 6, 6);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|series name is empty",
                "APOW|expected TOKEN:MODE:POOL",
                "APOW:supply:P000:x|expected TOKEN:MODE:POOL",
                "FOO:supply:P000|unknown token 'FOO': expected one of APOW, XPOW, AVAX, USDC, USDT",
                "APOW:lend:P000|unknown mode 'lend': expected supply or borrow",
                "APOW:supply:P007|unknown pool 'P007': expected P000..P006",
                "USDC:supply:P000|pool P000 holds APOW and XPOW, not USDC",
                "XPOW_APOW:T009|unknown oracle 'T009': expected T000..T006",
                "XPOW_USDC:T000|oracle T000 quotes XPOW/APOW in either direction, not XPOW/USDC",
                "APOW_APOW:T000|not APOW/APOW",
            })
    void badInstanceIdsAreRejectedWithWhatWasExpected(String name, String message) {
        assertThatThrownBy(() -> Catalogue.parse(name))
                .isInstanceOf(SeriesNameException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "APOW:supply:P000|expected ri-TOKEN:MODE:POOL.db",
                "rt-APOW:supply:P000.db|names RI series APOW:supply:P000 under the prefix rt-",
                "ri-APOW:supply:P009.db|unknown pool 'P009'",
                "xx-APOW:supply:P000.db|expected ri-TOKEN:MODE:POOL.db",
            })
    void badStateFilesAreRejectedWithWhatWasExpected(String name, String message) {
        assertThatThrownBy(() -> Catalogue.fromStateFile(name))
                .isInstanceOf(SeriesNameException.class)
                .hasMessageContaining("'" + name + "'")
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ri_apow_supply_0.db|drop the .db suffix",
                "RI_APOW_SUPPLY_0|API names are lowercase",
                "ri_avax_supply_1|named by the wrapped token's symbol, wavax",
                "ri_usdc_supply_0|expected ri_<token>_<supply|borrow>_<pool 0-6>",
                "rt_xpow_apow_7|rt_<source>_<target>_<oracle 0-6>",
                "APOW:supply:P000|expected ri_<token>",
            })
    void badApiNamesAreRejectedWithWhatWasExpected(String name, String message) {
        assertThatThrownBy(() -> Catalogue.fromApiName(name))
                .isInstanceOf(SeriesNameException.class)
                .hasMessageContaining("'" + name + "' is not a series API name")
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @MethodSource("allSeries")
    void anyOfTheThreeNameFormsNamesTheSameSeries(Series series) {
        assertThat(Catalogue.fromName(series.instanceId())).isEqualTo(series);
        assertThat(Catalogue.fromName(series.instanceId().replace(':', '_'))).isEqualTo(series);
        assertThat(Catalogue.fromName(series.apiName())).isEqualTo(series);
        assertThat(Catalogue.fromName(" " + series.stateFile() + " ")).isEqualTo(series);
    }

    @Test
    void theWebUisSpellingsOfAvaxAndUsdtNameTheirSeries() {
        assertThat(Catalogue.fromName("ri_wavax_borrow_4")).hasToString("AVAX:borrow:P004");
        assertThat(Catalogue.fromName("rt_usdt_xpow_6")).hasToString("USDT_XPOW:T006");
        assertThat(Catalogue.fromName("rt_apow_wavax_1")).hasToString("APOW_AVAX:T001");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|series name is empty",
                "ri_avax_supply_1|is not a series API name: AVAX series are named by the wrapped token's",
                "RT_XPOW_APOW_0|API names are lowercase",
                "ri_apow_supply_0.db|drop the .db suffix",
                "ri-APOW:supply:P009.db|unknown pool 'P009'",
                "APOW:supply:P009|unknown pool 'P009'",
            })
    void aNameOfNoSeriesIsRejectedInTheTermsOfTheFormItLooksLike(String name, String message) {
        assertThatThrownBy(() -> Catalogue.fromName(name))
                .isInstanceOf(SeriesNameException.class)
                .hasMessageContaining(message);
    }
}
