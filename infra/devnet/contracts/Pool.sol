// SPDX-License-Identifier: GPL-3.0
// Devnet lending pool (P000..P006) of two tokens: one supply and one borrow position each.
pragma solidity 0.8.37;

import {Position, IAsset} from "./Position.sol";

contract Pool {
    address public immutable oracle;
    address[] private _tokens;
    mapping(address token => Position) private _supply;
    mapping(address token => Position) private _borrow;

    error InvalidTokens(address[] tokens);
    error NotEnlisted(address token);

    /**
     * Deploys the four positions; the caller (and the devnet's driver) may steer their
     * utilisations, starting at util_.
     */
    constructor(address[] memory tokens_, address oracle_, address driver_, uint256 util_) {
        if (tokens_.length != 2 || tokens_[0] == tokens_[1]) revert InvalidTokens(tokens_);
        oracle = oracle_;
        _tokens = tokens_;
        for (uint256 i = 0; i < 2; i++) {
            IAsset token = IAsset(tokens_[i]);
            string memory pair = _pairOf(token.symbol(), IAsset(tokens_[1 - i]).symbol());
            _supply[address(token)] = new Position(
                msg.sender,
                driver_,
                address(token),
                false,
                string.concat(token.name(), " Supply"),
                string.concat("s", pair),
                util_
            );
            _borrow[address(token)] = new Position(
                msg.sender,
                driver_,
                address(token),
                true,
                string.concat(token.name(), " Borrow"),
                string.concat("b", pair),
                util_
            );
        }
    }

    /** As the protocol names positions: "APOW" (not "APOW:XPOW") in P000, WAVAX as "AVAX". */
    function _pairOf(string memory ts, string memory bs) private pure returns (string memory) {
        bytes32 t = keccak256(bytes(ts));
        bytes32 b = keccak256(bytes(bs));
        if (t == keccak256("APOW") && b == keccak256("XPOW")) return "APOW";
        if (t == keccak256("XPOW") && b == keccak256("APOW")) return "XPOW";
        if (t == keccak256("WAVAX")) ts = "AVAX";
        if (b == keccak256("WAVAX")) bs = "AVAX";
        return string.concat(ts, ":", bs);
    }

    function tokens() external view returns (address[] memory) {
        return _tokens;
    }

    function enlisted(address token) public view returns (bool) {
        return address(_supply[token]) != address(0);
    }

    function supplyOf(address token) external view returns (address) {
        if (!enlisted(token)) revert NotEnlisted(token);
        return address(_supply[token]);
    }

    function borrowOf(address token) external view returns (address) {
        if (!enlisted(token)) revert NotEnlisted(token);
        return address(_borrow[token]);
    }
}
