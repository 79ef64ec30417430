// SPDX-License-Identifier: GPL-3.0
// Devnet only: the account that deployed a contract, and the devnet's Driver acting for it, may
// steer it (quotes, utilisation, roles).
pragma solidity 0.8.37;

abstract contract Owned {
    address public immutable deployer;
    address public immutable driver;

    /** Thrown when someone other than the deployer (or its driver) tries to steer the devnet. */
    error NotDeployer(address caller);

    constructor(address deployer_, address driver_) {
        deployer = deployer_;
        driver = driver_;
    }

    modifier onlyDeployer() {
        if (msg.sender != deployer && msg.sender != driver) revert NotDeployer(msg.sender);
        _;
    }
}
