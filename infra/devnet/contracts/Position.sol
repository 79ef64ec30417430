// SPDX-License-Identifier: GPL-3.0
// Devnet supply or borrow position of one token in one pool: an interest index driven by a
// utilisation that the deployer steers.
pragma solidity 0.8.37;

import {Owned} from "./Owned.sol";

/** What a pool gives each position it creates. */
struct PositionSetup {
    address deployer;
    address driver;
    address asset;
    bool borrow;
    string name;
    string symbol;
    uint256 util;
}

/**
 * reindex() grows the index over the time since the last reindex at the rate the protocol's model
 * gives for the current utilisation, and emits Reindex; how the index is kept and emitted is the
 * contract run's: see Position (v10a) and LogPosition (v10b, v10c).
 */
abstract contract PositionBase is Owned {
    uint256 internal constant ONE = 1e18;
    uint256 private constant YEAR = 365.25 days;

    address public immutable pool;
    address public immutable asset;
    bool public immutable borrow;
    string public name;
    string public symbol;

    uint256 public util; // wad, in [0, 1e18]
    uint256 private _stamp;

    // interest model of the protocol's deployment: rate 10% at 90% utilisation, spread 1%
    uint256 private constant RATE = 0.1e18;
    uint256 private constant OPTIMAL = 0.9e18;
    uint256 private constant SPREAD = 0.01e18;

    error InvalidUtil(uint256 util_wad);

    /** The index as the run keeps it (a ray, or its logarithm as a wad). */
    uint256 internal _index;

    constructor(PositionSetup memory setup, uint256 index_) Owned(setup.deployer, setup.driver) {
        pool = msg.sender;
        asset = setup.asset;
        borrow = setup.borrow;
        name = setup.name;
        symbol = setup.symbol;
        _setUtil(setup.util);
        _stamp = block.timestamp;
        _index = index_;
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
        uint256 value = _indexOf(_growthOf(stamp - _stamp));
        (_index, _stamp) = (value, stamp);
        _emitReindex(value, util, stamp);
    }

    /** The index as of now (ray or log, as the run keeps it), the utilisation, the seconds since
     *  the last reindex. */
    function index() external view returns (uint256, uint256 util_wad, uint256 dt) {
        dt = block.timestamp - _stamp;
        return (_indexOf(_growthOf(dt)), util, dt);
    }

    /** The index after growing by the continuous rate x (a wad: rate times years). */
    function _indexOf(uint256 x) internal view virtual returns (uint256);

    function _emitReindex(uint256 value, uint256 util_wad, uint256 stamp) internal virtual;

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

    function _growthOf(uint256 dt) private view returns (uint256) {
        return (rateOf(util) * dt) / YEAR; // wad
    }

    function decimals() external view returns (uint8) {
        return IAsset(asset).decimals();
    }
}

/** v10a: the index is a ray (1e27 at deployment), emitted as Reindex(index_ray, util_wad, timestamp). */
contract Position is PositionBase {
    event Reindex(uint256 index_ray, uint256 util_wad, uint256 timestamp);

    constructor(PositionSetup memory setup) PositionBase(setup, 1e27) {}

    function _indexOf(uint256 x) internal view override returns (uint256) {
        // e^x to three terms: x stays below 0.01 between daily reindexes
        uint256 growth = ONE + x + (x * x) / (2 * ONE) + (x * x * x) / (6 * ONE * ONE);
        return (_index * growth) / ONE;
    }

    function _emitReindex(uint256 value, uint256 util_wad, uint256 stamp) internal override {
        emit Reindex(value, util_wad, stamp);
    }
}

/**
 * v10b, v10c: the index is kept as its natural logarithm (a wad, 0 at deployment), which grows by
 * exactly the continuous rate x, and emitted as Reindex(index_log, util_wad, timestamp).
 */
contract LogPosition is PositionBase {
    event Reindex(uint256 index_log, uint256 util_wad, uint256 timestamp);

    constructor(PositionSetup memory setup) PositionBase(setup, 0) {}

    function _indexOf(uint256 x) internal view override returns (uint256) {
        return _index + x;
    }

    function _emitReindex(uint256 value, uint256 util_wad, uint256 stamp) internal override {
        emit Reindex(value, util_wad, stamp);
    }
}

interface IAsset {
    function decimals() external view returns (uint8);
    function symbol() external view returns (string memory);
    function name() external view returns (string memory);
}
