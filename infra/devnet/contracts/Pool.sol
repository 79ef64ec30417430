// SPDX-License-Identifier: GPL-3.0
// Devnet lending pool (P000..P006) of two tokens: one supply and one borrow position each.
pragma solidity 0.8.37;

import {PositionBase, PositionSetup, Position, LogPosition, IAsset} from "./Position.sol";

contract Pool {
    address public immutable oracle;
    address[] private _tokens;
    mapping(address token => PositionBase) private _supply;
    mapping(address token => PositionBase) private _borrow;

    error InvalidTokens(address[] tokens);
    error NotEnlisted(address token);

    /**
     * Deploys the four positions, of the v10a kind or (logIndex_) of the v10b/v10c kind; the
     * caller (and the devnet's driver) may steer their utilisations, starting at util_.
     */
    constructor(
        address[] memory tokens_,
        address oracle_,
        address driver_,
        uint256 util_,
        bool logIndex_
    ) {
        if (tokens_.length != 2 || tokens_[0] == tokens_[1]) revert InvalidTokens(tokens_);
        oracle = oracle_;
        _tokens = tokens_;
        for (uint256 i = 0; i < 2; i++) {
            IAsset token = IAsset(tokens_[i]);
            string memory pair = _pairOf(token.symbol(), IAsset(tokens_[1 - i]).symbol());
            _supply[address(token)] = _position(
                driver_,
                token,
                false,
                string.concat(token.name(), " Supply"),
                string.concat("s", pair),
                util_,
                logIndex_
            );
            _borrow[address(token)] = _position(
                driver_,
                token,
                true,
                string.concat(token.name(), " Borrow"),
                string.concat("b", pair),
                util_,
                logIndex_
            );
        }
    }

    function _position(
        address driver_,
        IAsset token,
        bool borrow_,
        string memory name_,
        string memory symbol_,
        uint256 util_,
        bool logIndex_
    ) private returns (PositionBase) {
        PositionSetup memory setup = PositionSetup(
            msg.sender,
            driver_,
            address(token),
            borrow_,
            name_,
            symbol_,
            util_
        );
        return logIndex_ ? PositionBase(new LogPosition(setup)) : PositionBase(new Position(setup));
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
