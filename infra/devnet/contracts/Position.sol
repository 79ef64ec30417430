// SPDX-License-Identifier: GPL-3.0
// Devnet supply or borrow position of one token in one pool: an interest index driven by a
// utilisation that the deployer steers.
pragma solidity 0.8.37;

import {Owned} from "./Owned.sol";

/**
 * reindex() compounds the index (a ray, 1e27 at deployment) over the time since the last
 * reindex at the rate the protocol's model gives for the current utilisation, and emits
 * Reindex(index_ray, util_wad, timestamp).
 */
contract Position is Owned {
    uint256 private constant ONE = 1e18;
    uint256 private constant YEAR = 365.25 days;

    address public immutable pool;
    address public immutable asset;
    bool public immutable borrow;
    string public name;
    string public symbol;

    uint256 public util; // wad, in [0, 1e18]
    uint256 private _index = 1e27; // ray
    uint256 private _stamp;

    // interest model of the protocol's deployment: rate 10% at 90% utilisation, spread 1%
    uint256 private constant RATE = 0.1e18;
    uint256 private constant OPTIMAL = 0.9e18;
    uint256 private constant SPREAD = 0.01e18;

    event Reindex(uint256 index_ray, uint256 util_wad, uint256 timestamp);

    error InvalidUtil(uint256 util_wad);

    constructor(
        address deployer_,
        address driver_,
        address asset_,
        bool borrow_,
        string memory name_,
        string memory symbol_,
        uint256 util_
    ) Owned(deployer_, driver_) {
        pool = msg.sender;
        asset = asset_;
        borrow = borrow_;
        name = name_;
        symbol = symbol_;
        _setUtil(util_);
        _stamp = block.timestamp;
    }

    /** Devnet steering: the utilisation the next reindex uses (wad, at most 1e18). */
    function setUtil(uint256 util_wad) external onlyDeployer {
        _setUtil(util_wad);
    }

    function _setUtil(uint256 util_wad) private {
        if (util_wad > ONE) revert InvalidUtil(util_wad);
        util = util_wad;
    }

    function reindex() external {
        uint256 stamp = block.timestamp;
        uint256 value = _indexOf(stamp - _stamp);
        (_index, _stamp) = (value, stamp);
        emit Reindex(value, util, stamp);
    }

    /** The index as of now, the utilisation and the seconds since the last reindex. */
    function index() external view returns (uint256 index_ray, uint256 util_wad, uint256 dt) {
        dt = block.timestamp - _stamp;
        return (_indexOf(dt), util, dt);
    }

    /** Yearly rate for the utilisation: linear up to the optimum, steeper beyond, at most 200%. */
    function rateOf(uint256 util_wad) public view returns (uint256 rate) {
        if (util_wad <= OPTIMAL) {
            rate = (util_wad * RATE) / OPTIMAL;
        } else {
            rate = (util_wad * (ONE - RATE) - ONE * (OPTIMAL - RATE)) / (ONE - OPTIMAL);
            if (rate > 2 * ONE) rate = 2 * ONE;
        }
        return borrow ? (rate * (ONE + SPREAD)) / ONE : (rate * (ONE - SPREAD)) / ONE;
    }

    function _indexOf(uint256 dt) private view returns (uint256) {
        if (dt == 0) return _index;
        uint256 x = (rateOf(util) * dt) / YEAR; // wad
        // e^x to three terms: x stays below 0.01 between daily reindexes
        uint256 growth = ONE + x + (x * x) / (2 * ONE) + (x * x * x) / (6 * ONE * ONE);
        return (_index * growth) / ONE;
    }

    function decimals() external view returns (uint8) {
        return IAsset(asset).decimals();
    }
}

interface IAsset {
    function decimals() external view returns (uint8);
    function symbol() external view returns (string memory);
    function name() external view returns (string memory);
}
