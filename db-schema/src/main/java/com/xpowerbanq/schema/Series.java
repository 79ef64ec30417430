package com.xpowerbanq.schema;

/**
 * One indexed series: its own SQLite database, named three ways (instance id, state file, API
 * name). Obtain series from {@link Catalogue}, which parses all three forms.
 */
public sealed interface Series permits RiSeries, RtSeries {

    Kind kind();

    /** The instance id of the original's units: "APOW:supply:P000", "XPOW_APOW:T000". */
    String instanceId();

    /** The registry name of the contract this series reads: the pool "P000" or oracle "T000". */
    String contractName();

    /** The state database file name: "ri-APOW:supply:P000.db". */
    default String stateFile() {
        return kind().filePrefix() + instanceId() + ".db";
    }

    /** The name the web UI asks the API for: "ri_apow_supply_0", "rt_xpow_apow_0". */
    String apiName();
}
