// SPDX-License-Identifier: GPL-3.0
// Devnet only: runs one simulated step (many feed updates and retwaps, or many utilisation
// updates and reindexes) in a single transaction, so that seeding weeks of activity takes
// seconds. The events still come from the oracles and positions themselves.
pragma solidity 0.8.37;

import {Owned} from "./Owned.sol";

interface ISteeredFeed {
    function setQuotes(uint256 bid, uint256 ask) external;
}

interface ISteeredOracle {
    function retwap(address source, address target) external;
}

interface ISteeredPosition {
    function setUtil(uint256 util_wad) external;
    function reindex() external;
}

contract Driver is Owned {
    error LengthMismatch();

    constructor() Owned(msg.sender, address(0)) {}

    /** For each i: feeds[i].setQuotes(bids[i], asks[i]), then oracles[i].retwap(sources[i], targets[i]). */
    function retwap(
        address[] calldata feeds,
        uint256[] calldata bids,
        uint256[] calldata asks,
        address[] calldata oracles,
        address[] calldata sources,
        address[] calldata targets
    ) external onlyDeployer {
        uint256 n = feeds.length;
        if (bids.length != n || asks.length != n || oracles.length != n) revert LengthMismatch();
        if (sources.length != n || targets.length != n) revert LengthMismatch();
        for (uint256 i = 0; i < n; i++) {
            ISteeredFeed(feeds[i]).setQuotes(bids[i], asks[i]);
            ISteeredOracle(oracles[i]).retwap(sources[i], targets[i]);
        }
    }

    /** For each i: positions[i].setUtil(utils[i]), then positions[i].reindex(). */
    function reindex(address[] calldata positions, uint256[] calldata utils) external onlyDeployer {
        if (utils.length != positions.length) revert LengthMismatch();
        for (uint256 i = 0; i < positions.length; i++) {
            ISteeredPosition(positions[i]).setUtil(utils[i]);
            ISteeredPosition(positions[i]).reindex();
        }
    }
}
