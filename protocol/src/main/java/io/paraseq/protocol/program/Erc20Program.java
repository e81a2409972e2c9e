package io.paraseq.protocol.program;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.Map;

/**
 * The native ERC-20 token: a fixed supply created at genesis ({@link ProgramGenesis}), the nine
 * functions of the standard with Solidity's ABI, {@code Transfer} and {@code Approval} events, and
 * OpenZeppelin 4.x's revert reasons as {@code Error(string)} ({@link Erc20Ledger}). State is in
 * {@link Erc20Layout}'s slots. Stateless.
 *
 * <pre>{@code
 * function name() external view returns (string memory);
 * function symbol() external view returns (string memory);
 * function decimals() external view returns (uint8);
 * function totalSupply() external view returns (uint256);
 * function balanceOf(address account) external view returns (uint256);
 * function allowance(address owner, address spender) external view returns (uint256);
 * function transfer(address to, uint256 value) external returns (bool);
 * function approve(address spender, uint256 value) external returns (bool);
 * function transferFrom(address from, address to, uint256 value) external returns (bool);
 * }</pre>
 */
final class Erc20Program implements Program {

  private static final Bytes TRUE = new AbiEncoder().bool(true).encode();

  private static final FunctionTable FUNCTIONS =
      new FunctionTable(
          Map.of(
              "name()", Erc20Program::name,
              "symbol()", Erc20Program::symbol,
              "decimals()", Erc20Program::decimals,
              "totalSupply()", Erc20Program::totalSupply,
              "balanceOf(address)", Erc20Program::balanceOf,
              "allowance(address,address)", Erc20Program::allowance,
              "transfer(address,uint256)", Erc20Program::transfer,
              "approve(address,uint256)", Erc20Program::approve,
              "transferFrom(address,address,uint256)", Erc20Program::transferFrom));

  @Override
  public Bytes run(ProgramContext context, Address self, Address caller, Bytes data) {
    return FUNCTIONS.dispatch(context, self, caller, data);
  }

  private static Bytes name(ProgramContext context, Address self, Address caller, Bytes data) {
    return new AbiEncoder().string(StorageStrings.read(context, self, Erc20Layout.NAME)).encode();
  }

  private static Bytes symbol(ProgramContext context, Address self, Address caller, Bytes data) {
    return new AbiEncoder().string(StorageStrings.read(context, self, Erc20Layout.SYMBOL)).encode();
  }

  private static Bytes decimals(ProgramContext context, Address self, Address caller, Bytes data) {
    BigInteger stored = context.load(self, Erc20Layout.DECIMALS).toBigInteger();
    return new AbiEncoder().uint(stored.and(BigInteger.valueOf(0xff)), 8).encode();
  }

  private static Bytes totalSupply(
      ProgramContext context, Address self, Address caller, Bytes data) {
    return new AbiEncoder()
        .uint256(context.load(self, Erc20Layout.TOTAL_SUPPLY).toBigInteger())
        .encode();
  }

  private static Bytes balanceOf(ProgramContext context, Address self, Address caller, Bytes data) {
    Address holder = AbiDecoder.arguments(data, 1).address(0);
    return new AbiEncoder().uint256(Erc20Ledger.balanceOf(context, self, holder)).encode();
  }

  private static Bytes allowance(ProgramContext context, Address self, Address caller, Bytes data) {
    AbiDecoder args = AbiDecoder.arguments(data, 2);
    return new AbiEncoder()
        .uint256(Erc20Ledger.allowance(context, self, args.address(0), args.address(1)))
        .encode();
  }

  private static Bytes transfer(ProgramContext context, Address self, Address caller, Bytes data) {
    AbiDecoder args = AbiDecoder.arguments(data, 2);
    Erc20Ledger.transfer(context, self, caller, args.address(0), args.uint256(1));
    return TRUE;
  }

  private static Bytes approve(ProgramContext context, Address self, Address caller, Bytes data) {
    AbiDecoder args = AbiDecoder.arguments(data, 2);
    Erc20Ledger.approve(context, self, caller, args.address(0), args.uint256(1));
    return TRUE;
  }

  private static Bytes transferFrom(
      ProgramContext context, Address self, Address caller, Bytes data) {
    AbiDecoder args = AbiDecoder.arguments(data, 3);
    Erc20Ledger.transferFrom(
        context, self, caller, args.address(0), args.address(1), args.uint256(2));
    return TRUE;
  }
}
