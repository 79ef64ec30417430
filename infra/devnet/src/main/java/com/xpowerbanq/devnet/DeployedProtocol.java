package com.xpowerbanq.devnet;

import com.xpowerbanq.schema.Token;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Addresses of the emulated v10a protocol on a devnet. Registry names (APOW, XPOW, AVAX, USDC,
 * USDT, T000..T006, P000..P006), positions by instance id ("APOW:supply:P000") and feeds by pair
 * ("XPOW_APOW"), all as checksummed 0x addresses; and the devnet's Driver, which may steer every
 * feed and position and retwap every oracle (it runs a simulated step in one transaction).
 */
public record DeployedProtocol(
        Map<String, String> registry,
        Map<String, String> positions,
        Map<String, String> feeds,
        String driver) {

    public DeployedProtocol {
        registry = Collections.unmodifiableMap(new LinkedHashMap<>(registry));
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
        feeds = Collections.unmodifiableMap(new LinkedHashMap<>(feeds));
    }

    /** The address registered under a name ("APOW", "T000", "P003"). */
    public String address(String name) {
        return find(registry, name, "registry name");
    }

    /** The position of a series, by instance id with ':' separators ("XPOW:borrow:P004"). */
    public String position(String instanceId) {
        return find(positions, instanceId, "position instance id");
    }

    /** The feed of a pair direction, by registry names of source and target ("XPOW", "APOW"). */
    public String feed(String source, String target) {
        return find(feeds, source + "_" + target, "feed pair");
    }

    /** The map key of a pair direction in {@link #feeds()}: "XPOW_APOW". */
    static String pair(Token source, Token target) {
        return source.name() + "_" + target.name();
    }

    private static String find(Map<String, String> map, String key, String what) {
        String address = map.get(key);
        if (address == null) {
            throw new IllegalArgumentException(
                    "unknown " + what + " '" + key + "'; known: " + map.keySet());
        }
        return address;
    }
}
