// SPDX-License-Identifier: GPL-3.0
// Devnet only: binary logarithm of a whole number as an 18-decimal fixed-point value.
pragma solidity 0.8.37;

library Log2 {
    uint256 internal constant ONE = 1e18;

    error Log2OfZero();

    /** log2(x) · 1e18, rounded down, for x >= 1: the integer part by the highest bit, then the
     *  fraction bit by bit, squaring the mantissa (in [1, 2)) and halving it when it reaches 2. */
    function wad(uint256 x) internal pure returns (uint256 result) {
        if (x == 0) revert Log2OfZero();
        uint256 n = 0;
        for (uint256 y = x >> 1; y > 0; y >>= 1) n++;
        result = n * ONE;
        // the mantissa x / 2^n in [1, 2) as a wad; x stays far below 2^196 for token amounts
        uint256 m = (x * ONE) >> n;
        for (uint256 bit = ONE / 2; bit > 0; bit /= 2) {
            m = (m * m) / ONE;
            if (m >= 2 * ONE) {
                result += bit;
                m /= 2;
            }
        }
    }
}
