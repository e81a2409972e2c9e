package io.paraseq.protocol.program;

import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;

/**
 * The state-changing rules of an ERC-20 token, over a token's storage ({@link Erc20Layout}): one
 * place for them, used by {@link Erc20Program} for its own calls and by {@link AmmPairProgram} when
 * it moves tokens (the same checks, reasons and {@code Transfer} events as a call to the token,
 * emitted from the token's address). Reasons are OpenZeppelin 4.x's texts. Stateless.
 */
final class Erc20Ledger {

  /** {@code Transfer(address indexed from, address indexed to, uint256 value)}. */
  static final Hash TRANSFER_EVENT = Abi.eventTopic("Transfer(address,address,uint256)");

  /** {@code Approval(address indexed owner, address indexed spender, uint256 value)}. */
  static final Hash APPROVAL_EVENT = Abi.eventTopic("Approval(address,address,uint256)");

  /** An allowance of 2^256-1 is infinite: {@code transferFrom} does not decrease it (as OZ). */
  static final BigInteger INFINITE_ALLOWANCE =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private Erc20Ledger() {}

  /** {@code holder}'s balance of {@code token}. */
  static BigInteger balanceOf(ProgramContext context, Address token, Address holder) {
    return context.load(token, context.mapping(Erc20Layout.BALANCES, holder)).toBigInteger();
  }

  /** {@code owner}'s allowance for {@code spender} on {@code token}. */
  static BigInteger allowance(
      ProgramContext context, Address token, Address owner, Address spender) {
    return context.load(token, allowanceSlot(context, owner, spender)).toBigInteger();
  }

  /**
   * Moves {@code value} of {@code token} from {@code from} to {@code to} and emits {@code
   * Transfer}. Reverts on a zero address or a short balance. A self-transfer changes nothing but
   * still emits the event.
   */
  static void transfer(
      ProgramContext context, Address token, Address from, Address to, BigInteger value) {
    if (from.equals(Address.ZERO)) {
      throw Halt.reason("ERC20: transfer from the zero address");
    }
    if (to.equals(Address.ZERO)) {
      throw Halt.reason("ERC20: transfer to the zero address");
    }
    Hash fromSlot = context.mapping(Erc20Layout.BALANCES, from);
    BigInteger fromBalance = context.load(token, fromSlot).toBigInteger();
    if (fromBalance.compareTo(value) < 0) {
      throw Halt.reason("ERC20: transfer amount exceeds balance");
    }
    context.store(token, fromSlot, Word.of(fromBalance.subtract(value)));
    Hash toSlot = context.mapping(Erc20Layout.BALANCES, to);
    BigInteger toBalance = context.load(token, toSlot).toBigInteger();
    // cannot overflow: every balance is part of the fixed total supply, itself below 2^256
    context.store(token, toSlot, Word.of(toBalance.add(value)));
    context.log(token, word(value), TRANSFER_EVENT, topic(from), topic(to));
  }

  /**
   * Sets {@code owner}'s allowance for {@code spender} to {@code value} and emits {@code Approval}.
   * Reverts on a zero address.
   */
  static void approve(
      ProgramContext context, Address token, Address owner, Address spender, BigInteger value) {
    if (owner.equals(Address.ZERO)) {
      throw Halt.reason("ERC20: approve from the zero address");
    }
    if (spender.equals(Address.ZERO)) {
      throw Halt.reason("ERC20: approve to the zero address");
    }
    context.store(token, allowanceSlot(context, owner, spender), Word.of(value));
    context.log(token, word(value), APPROVAL_EVENT, topic(owner), topic(spender));
  }

  /**
   * Lets {@code spender} move {@code value} of {@code owner}'s tokens to {@code to}: decreases the
   * allowance unless it is {@linkplain #INFINITE_ALLOWANCE infinite}, then transfers. Emits only
   * {@code Transfer} (OZ 5 does not emit {@code Approval} here). Reverts on a short allowance.
   */
  static void transferFrom(
      ProgramContext context,
      Address token,
      Address spender,
      Address owner,
      Address to,
      BigInteger value) {
    Hash slot = allowanceSlot(context, owner, spender);
    BigInteger allowance = context.load(token, slot).toBigInteger();
    if (!allowance.equals(INFINITE_ALLOWANCE)) {
      if (allowance.compareTo(value) < 0) {
        throw Halt.reason("ERC20: insufficient allowance");
      }
      context.store(token, slot, Word.of(allowance.subtract(value)));
    }
    transfer(context, token, owner, to, value);
  }

  private static Hash allowanceSlot(ProgramContext context, Address owner, Address spender) {
    return context.mapping(context.mapping(Erc20Layout.ALLOWANCES, owner), spender);
  }

  /** {@code value} as one ABI word of log data. */
  static Bytes word(BigInteger value) {
    return Bytes.of(AbiEncoder.word(value));
  }

  /** {@code address} as an indexed topic: left-padded to 32 bytes. */
  static Hash topic(Address address) {
    return Hash.of(Slots.word(address).bytes());
  }
}
