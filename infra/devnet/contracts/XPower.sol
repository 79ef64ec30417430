// SPDX-License-Identifier: GPL-3.0
// Devnet XPOW: the proof-of-work token with the mint rule of the deployed contract.
pragma solidity 0.8.37;

import {Erc20} from "./Token.sol";

/**
 * A mint pays (2^zeros - 1) whole tokens to the beneficiary and the same to the owner, where zeros
 * is the number of leading zero hex digits of
 * keccak256(bytes20(this ^ to) ++ blockHash ++ data); blockHash must be the one init() cached
 * for the current hour, and each (nonce hash, block hash) pair mints once.
 */
contract XPower is Erc20 {
    address public immutable owner;

    mapping(bytes32 pairIndex => bool) private _minted;
    mapping(bytes32 blockHash => uint256) private _timestamps;
    mapping(uint256 interval => bytes32) private _blockHashes;

    event Init(bytes32 blockHash, uint256 timestamp);

    error ExpiredBlockHash(bytes32 block_hash);
    error DuplicatePairIndex(bytes32 pair_index);
    error EmptyNonceHash(bytes32 nonce_hash);

    constructor() Erc20("XPower", "XPOW", 18) {
        owner = msg.sender;
    }

    /** Caches the previous block's hash for the current hour (once per hour). */
    function init() external {
        uint256 interval = currentInterval();
        bytes32 blockHash = _blockHashes[interval];
        if (blockHash == bytes32(0)) {
            blockHash = blockhash(block.number - 1);
            _blockHashes[interval] = blockHash;
            _timestamps[blockHash] = block.timestamp;
        }
        emit Init(blockHash, _timestamps[blockHash]);
    }

    function mint(address to, bytes32 blockHash, bytes calldata data) external {
        if (_timestamps[blockHash] < currentInterval() * 1 hours) {
            revert ExpiredBlockHash(blockHash);
        }
        bytes32 nonceHash = keccak256(
            abi.encodePacked(bytes20(uint160(address(this)) ^ uint160(to)), blockHash, data)
        );
        bytes32 pairIndex = nonceHash ^ blockHash;
        if (_minted[pairIndex]) revert DuplicatePairIndex(pairIndex);
        uint256 zeros = zerosOf(nonceHash);
        if (zeros == 0) revert EmptyNonceHash(nonceHash);
        _minted[pairIndex] = true;
        uint256 amount = (2 ** zeros - 1) * 10 ** decimals;
        _mint(owner, amount);
        _mint(to, amount);
    }

    function blockHashOf(uint256 interval) external view returns (bytes32) {
        return _blockHashes[interval];
    }

    function currentInterval() public view returns (uint256) {
        return block.timestamp / 1 hours;
    }

    /** Leading zero hex digits of the hash; 64 for the zero hash. */
    function zerosOf(bytes32 nonceHash) internal pure returns (uint256 zeros) {
        uint256 value = uint256(nonceHash);
        if (value == 0) return 64;
        while (value >> 252 == 0) {
            value <<= 4;
            zeros++;
        }
    }
}
