package com.xpowerbanq.chain.tx;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Turns the revert data of a call into words: {@code Error(string)}, {@code Panic(uint256)} and the
 * custom errors of the v10a contracts and their devnet emulation (access manager, ownable, rate
 * limit, missing quote or feed, the XPOW mint's block-hash and nonce errors); anything else as its
 * selector.
 */
public final class RevertReason {
    private record Known(String signature, List<TypeReference<?>> params) {}

    private static final Map<String, Known> KNOWN =
            index(
                    new Known("Error(string)", List.of(new TypeReference<Utf8String>() {})),
                    new Known("Panic(uint256)", List.of(new TypeReference<Uint256>() {})),
                    new Known(
                            "AccessManagedUnauthorized(address)",
                            List.of(new TypeReference<Address>() {})),
                    new Known(
                            "AccessManagedRequiredDelay(address,uint32)",
                            List.of(
                                    new TypeReference<Address>() {},
                                    new TypeReference<Uint32>() {})),
                    new Known(
                            "AccessManagedInvalidAuthority(address)",
                            List.of(new TypeReference<Address>() {})),
                    new Known(
                            "OwnableUnauthorizedAccount(address)",
                            List.of(new TypeReference<Address>() {})),
                    new Known("NotDeployer(address)", List.of(new TypeReference<Address>() {})),
                    new Known(
                            "Limited(bytes32,uint256)",
                            List.of(
                                    new TypeReference<Bytes32>() {},
                                    new TypeReference<Uint256>() {})),
                    new Known(
                            "MissingQuote(address,address)",
                            List.of(
                                    new TypeReference<Address>() {},
                                    new TypeReference<Address>() {})),
                    new Known(
                            "ExpiredBlockHash(bytes32)", List.of(new TypeReference<Bytes32>() {})),
                    new Known(
                            "DuplicatePairIndex(bytes32)",
                            List.of(new TypeReference<Bytes32>() {})),
                    new Known("EmptyNonceHash(bytes32)", List.of(new TypeReference<Bytes32>() {})),
                    new Known(
                            "MissingFeed(address,address)",
                            List.of(
                                    new TypeReference<Address>() {},
                                    new TypeReference<Address>() {})));

    private static final Pattern HEX_DATA = Pattern.compile("0x[0-9a-fA-F]{8}([0-9a-fA-F]{64})*");
    private static final Pattern CUSTOM_ERROR =
            Pattern.compile("custom error (0x[0-9a-fA-F]{8}):?\\s*([0-9a-fA-F]*)");

    private RevertReason() {}

    private static Map<String, Known> index(Known... known) {
        var map = new java.util.HashMap<String, Known>();
        for (Known k : known) {
            map.put(Hash.sha3String(k.signature()).substring(0, 10), k);
        }
        return Map.copyOf(map);
    }

    /**
     * The reason in words, from revert data ({@code 0x…}) and/or the provider's message; "execution
     * reverted" when neither says more.
     */
    public static String describe(@Nullable String rawData, @Nullable String message) {
        String data = revertData(rawData, message);
        if (data != null) {
            String selector = data.substring(0, 10).toLowerCase(java.util.Locale.ROOT);
            Known known = KNOWN.get(selector);
            if (known == null) {
                return "custom error " + selector;
            }
            return decode(known, data.substring(10));
        }
        if (message != null && !message.isBlank()) {
            return message;
        }
        return "execution reverted";
    }

    /**
     * The revert data: the provider's {@code data} (web3j may keep it JSON-quoted), else what
     * anvil's message shows ("custom error 0x068ca9d8: 0000…").
     */
    private static @Nullable String revertData(@Nullable String data, @Nullable String message) {
        if (data != null) {
            String hex = data.replace("\"", "").strip();
            if (HEX_DATA.matcher(hex).matches()) {
                return hex;
            }
        }
        if (message != null) {
            Matcher custom = CUSTOM_ERROR.matcher(message);
            if (custom.find()) {
                return custom.group(1) + custom.group(2);
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String decode(Known known, String args) {
        String name = known.signature().substring(0, known.signature().indexOf('('));
        try {
            List<Type> values = FunctionReturnDecoder.decode("0x" + args, (List) known.params());
            if (name.equals("Error") && !values.isEmpty()) {
                return values.get(0).getValue().toString();
            }
            StringBuilder out = new StringBuilder(name).append('(');
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i).getValue();
                out.append(i == 0 ? "" : ", ")
                        .append(value instanceof byte[] bytes ? Numeric.toHexString(bytes) : value);
            }
            return out.append(')').toString();
        } catch (RuntimeException e) {
            return name + " (undecodable arguments)";
        }
    }
}
