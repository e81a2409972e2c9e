// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Paraseq native ERC-20 token (L2).
/// @notice The ABI of the native token program that the Paraseq L2 node runs at fixed addresses
/// created at genesis (docs/native-programs.md). Not deployed anywhere: the node executes it in
/// Java. Clients (web3j, ethers) load it at the program's address like any ERC-20 contract.
interface IParaseqToken {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function name() external view returns (string memory);
    function symbol() external view returns (string memory);
    function decimals() external view returns (uint8);
    function totalSupply() external view returns (uint256);
    function balanceOf(address account) external view returns (uint256);
    function allowance(address owner, address spender) external view returns (uint256);
    function transfer(address to, uint256 value) external returns (bool);
    function approve(address spender, uint256 value) external returns (bool);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}
