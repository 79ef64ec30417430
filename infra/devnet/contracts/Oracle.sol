// SPDX-License-Identifier: GPL-3.0
// Devnet oracle (T000..T006): per-pair feeds and an EWMA TWAP refreshed by retwap().
pragma solidity 0.8.37;

import {Owned} from "./Owned.sol";
import {IDecimals} from "./Feed.sol";

interface IFeed {
    function getQuotes(uint256 amount) external view returns (uint256 bid, uint256 ask);
}

struct Quote {
    uint256 bid;
    uint256 ask;
    uint256 time;
}

/**
 * Like the protocol's oracle: retwap(source, target) reads the pair's feed for one whole source
 * token (an amount in the target token's smallest units, as the protocol's feeds quote it), emits
 * that quote in Refresh and folds the previous quote into the mean with a one-hour half-life;
 * getQuotes answers from the mean. retwap needs the keeper role and runs at most once per LIMIT
 * per pair. How Refresh carries the quote is the contract run's: see Oracle and PackedOracle.
 */
abstract contract OracleBase is Owned {
    uint256 public constant LIMIT = 1 hours;
    uint256 public constant DECAY_01HL = 0.5e18;
    uint256 private constant ONE = 1e18;

    string public name;
    mapping(address keeper => bool) public isKeeper;

    mapping(address source => mapping(address target => IFeed)) private _feed;
    mapping(address source => mapping(address target => uint256)) private _until;
    mapping(address source => mapping(address target => Quote)) private _last;
    mapping(address source => mapping(address target => Quote)) private _mean;
    mapping(address source => uint256) private _unit;

    error AccessManagedUnauthorized(address caller);
    error InvalidPair(address source, address target);
    error MissingFeed(address source, address target);
    error MissingQuote(address source, address target);
    error Limited(bytes32 key, uint256 dt);

    constructor(string memory name_, address driver_) Owned(msg.sender, driver_) {
        name = name_;
        isKeeper[msg.sender] = true;
        isKeeper[driver_] = true;
    }

    /** Devnet steering: grants or revokes the keeper role that retwap requires. */
    function setKeeper(address keeper, bool allowed) external onlyDeployer {
        isKeeper[keeper] = allowed;
    }

    function enlist(address source, address target, address feed, uint256 duration) external {
        if (msg.sender != deployer && msg.sender != driver) {
            revert AccessManagedUnauthorized(msg.sender);
        }
        if (source == target) revert InvalidPair(source, target);
        _feed[source][target] = IFeed(feed);
        _until[source][target] = block.timestamp + duration;
        _unit[source] = 10 ** IDecimals(source).decimals();
        _emitEnlist(source, target, feed, duration);
    }

    function enlisted(address source, address target) external view returns (bool) {
        return address(_feed[source][target]) != address(0);
    }

    function retwap(address source, address target) external {
        if (!isKeeper[msg.sender]) revert AccessManagedUnauthorized(msg.sender);
        Quote memory last = _last[source][target];
        if (last.time > 0 && block.timestamp < last.time + LIMIT) {
            bytes32 key = keccak256(abi.encodePacked(this.retwap.selector, source, target));
            revert Limited(key, last.time + LIMIT - block.timestamp);
        }
        IFeed feed = _feed[source][target];
        if (address(feed) == address(0)) revert MissingFeed(source, target);
        (uint256 bid, uint256 ask) = feed.getQuotes(_unit[source]);
        Quote memory next = Quote(bid, ask, block.timestamp);
        Quote memory mean = _mean[source][target];
        if (last.time == 0) {
            mean = next;
        } else {
            mean.bid = (mean.bid * DECAY_01HL + last.bid * (ONE - DECAY_01HL)) / ONE;
            mean.ask = (mean.ask * DECAY_01HL + last.ask * (ONE - DECAY_01HL)) / ONE;
            mean.time = next.time;
        }
        _mean[source][target] = mean;
        _last[source][target] = next;
        _emitRefresh(source, target, next);
    }

    function _emitRefresh(address source, address target, Quote memory quote) internal virtual;

    function _emitEnlist(address source, address target, address feed, uint256 dt) internal virtual;

    function refreshed(address source, address target) external view returns (bool) {
        return block.timestamp < _last[source][target].time + LIMIT;
    }

    function getQuotes(
        uint256 amount,
        address source,
        address target
    ) external view returns (uint256, uint256) {
        Quote memory mean = _mean[source][target];
        if (mean.time == 0) revert MissingQuote(source, target);
        uint256 unit = _unit[source];
        return ((mean.bid * amount) / unit, (mean.ask * amount) / unit);
    }

    function getQuote(uint256 amount, address source, address target) external view returns (uint256) {
        Quote memory mean = _mean[source][target];
        if (mean.time == 0) revert MissingQuote(source, target);
        return (((mean.bid + mean.ask) / 2) * amount) / _unit[source];
    }

    /** The pair's feed and the seconds its enlistment has left. */
    function getFeed(address source, address target) external view returns (address, uint256) {
        uint256 until = _until[source][target];
        return (address(_feed[source][target]), until > block.timestamp ? until - block.timestamp : 0);
    }
}

/** v10a: Refresh carries the quote as the protocol's struct Quote{bid, ask, time}. */
contract Oracle is OracleBase {
    event Enlist(address indexed source, address indexed target, address feed, uint256 duration);
    event Refresh(address indexed source, address indexed target, Quote quote);

    constructor(string memory name_, address driver_) OracleBase(name_, driver_) {}

    function _emitRefresh(address source, address target, Quote memory quote) internal override {
        emit Refresh(source, target, quote);
    }

    function _emitEnlist(address source, address target, address feed, uint256 dt) internal override {
        emit Enlist(source, target, feed, dt);
    }
}
