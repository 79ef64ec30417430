// SPDX-License-Identifier: GPL-3.0
// Devnet oracle of the v10b and v10c runs: the same keeping as Oracle, a packed Refresh.
pragma solidity 0.8.37;

import {OracleBase, Quote} from "./Oracle.sol";
import {Log2} from "./Log2.sol";

/**
 * v10b, v10c: Refresh carries the quote as one word, mid << 128 | rel << 64 | utc << 16, in log2
 * space: mid = (log2 bid + log2 ask) / 2 and rel = log2 ask - log2 bid, both 18-decimal, of the
 * amounts the feed quotes for one whole source token (in the target token's smallest units); utc is
 * the block time. The quote's bid and ask are 2^(mid -+ rel/2).
 */
contract PackedOracle is OracleBase {
    event Enlist(address indexed source, address indexed target, address feed, uint256 dt);
    event Refresh(address indexed source, address indexed target, uint256 quote);

    error UnpackableQuote(uint256 bid, uint256 ask);

    constructor(string memory name_, address driver_) OracleBase(name_, driver_) {}

    function _emitRefresh(address source, address target, Quote memory quote) internal override {
        emit Refresh(source, target, pack(quote.bid, quote.ask, quote.time));
    }

    function _emitEnlist(address source, address target, address feed, uint256 dt) internal override {
        emit Enlist(source, target, feed, dt);
    }

    function pack(uint256 bid, uint256 ask, uint256 time) public pure returns (uint256) {
        uint256 lb = Log2.wad(bid);
        uint256 la = Log2.wad(ask);
        if (la < lb || la - lb >= 1 << 64 || time >= 1 << 48) revert UnpackableQuote(bid, ask);
        return (((lb + la) / 2) << 128) | ((la - lb) << 64) | (time << 16);
    }
}
