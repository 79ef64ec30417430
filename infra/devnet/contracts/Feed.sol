// SPDX-License-Identifier: GPL-3.0
// Devnet price feed of one (source, target) pair; the deployer sets its quotes.
pragma solidity 0.8.37;

import {Owned} from "./Owned.sol";

interface IDecimals {
    function decimals() external view returns (uint8);
}

/** Quotes one whole source token in target token units, as the protocol's feeds do. */
contract Feed is Owned {
    address public immutable source;
    address public immutable target;
    uint256 private immutable _unit;
    uint256 public bid;
    uint256 public ask;

    event Quotes(uint256 bid, uint256 ask);

    error InvalidQuotes(uint256 bid, uint256 ask);

    constructor(
        address driver_,
        address source_,
        address target_,
        uint256 bid_,
        uint256 ask_
    ) Owned(msg.sender, driver_) {
        source = source_;
        target = target_;
        _unit = 10 ** IDecimals(source_).decimals();
        _setQuotes(bid_, ask_);
    }

    /** Devnet steering: the quotes for one whole source token (bid <= ask). */
    function setQuotes(uint256 bid_, uint256 ask_) external onlyDeployer {
        _setQuotes(bid_, ask_);
    }

    function _setQuotes(uint256 bid_, uint256 ask_) private {
        if (bid_ == 0 || bid_ > ask_) revert InvalidQuotes(bid_, ask_);
        (bid, ask) = (bid_, ask_);
        emit Quotes(bid_, ask_);
    }

    function getQuotes(uint256 amount) external view returns (uint256, uint256) {
        return ((bid * amount) / _unit, (ask * amount) / _unit);
    }

    function getBidToken() external view returns (address) {
        return source;
    }

    function getAskToken() external view returns (address) {
        return target;
    }
}
