package io.paraseq.protocol.exec;

import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.exec.TransactionOutcome.Included;
import io.paraseq.protocol.exec.TransactionOutcome.Skipped;
import io.paraseq.protocol.program.NativePrograms;
import io.paraseq.protocol.program.ProgramCall;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DepositTransaction;
import io.paraseq.protocol.tx.IntrinsicGas;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.UnsignedTransaction;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Executes one transaction against a {@link StateAccess}: the per-transaction rules, shared by the
 * sequential and the parallel executor. What exists today is ETH transfers, calls to accounts
 * without code (call data is paid for and ignored), calls to native programs ({@link
 * io.paraseq.protocol.program.NativePrograms}) and deposits; the EVM comes later behind the same
 * {@link TransactionOutcome}.
 *
 * <h2>User transactions</h2>
 *
 * Checked in this order; the first failure skips the transaction, which then writes nothing:
 *
 * <ol>
 *   <li>signed for the block's chain ({@link SkipReason#WRONG_CHAIN_ID}; a legacy transaction
 *       without EIP-155 chain id: {@link SkipReason#UNPROTECTED_TRANSACTION});
 *   <li>not a contract creation ({@link SkipReason#CONTRACT_CREATION_UNSUPPORTED}: no EVM yet);
 *   <li>gas limit ≥ intrinsic gas ({@link SkipReason#INTRINSIC_GAS_TOO_LOW});
 *   <li>transaction nonce = sender's account nonce ({@link SkipReason#NONCE_MISMATCH}), and below
 *       2^64-1 ({@link SkipReason#NONCE_MAX}, EIP-2681);
 *   <li>fee cap ≥ base fee ({@link SkipReason#FEE_CAP_BELOW_BASE_FEE});
 *   <li>balance ≥ gasLimit × fee cap + value + l1Fee, op-geth's up-front check ({@link
 *       SkipReason#INSUFFICIENT_FUNDS}), {@code l1Fee} being the transaction's L1 data fee in this
 *       block ({@link BlockContext#l1Fee}, {@link io.paraseq.protocol.fee.L1DataFee}).
 * </ol>
 *
 * Then, if the recipient's code hash is a native program's, the program runs with the gas limit
 * minus the intrinsic gas, and {@link ProgramTransactions} applies the EVM's outcome rules (a
 * revert or running out of gas drops the program's writes and logs, the sender still pays for the
 * gas used and its nonce increases). Otherwise the transaction is a transfer: with {@code gasUsed}
 * = the intrinsic gas (taken from the {@link VerifiedTransaction}, like its sender, not recomputed)
 * and {@code price} = {@link EffectiveGasPrice} ({@code min(feeCap, baseFee + tipCap)}, or the gas
 * price):
 *
 * <ul>
 *   <li>sender: nonce + 1, balance − (gasUsed × price + value + l1Fee);
 *   <li>recipient: balance + value;
 *   <li>fee recipient: balance + gasUsed × price + l1Fee, base fee, priority fee and L1 data fee
 *       alike (DESIGN.md §3: nothing is burned; the sequencer pays L1), as one {@linkplain
 *       StateAccess#creditFeeRecipient commutative credit}.
 * </ul>
 *
 * Each step reads the account after the previous step wrote it, so a self-transfer only pays the
 * fee, and a sender or recipient that is the fee recipient ends with the sum of all three effects.
 * The receipt status is success.
 *
 * <h2>Deposits</h2>
 *
 * Made by the sequencer from L1 events, never skipped (OP Stack semantics):
 *
 * <ol>
 *   <li>{@code mint} is added to {@code from};
 *   <li>if {@code from}'s balance now covers {@code value}, {@code value} moves from {@code from}
 *       to {@code to} and the status is success; otherwise nothing moves, the status is failure and
 *       the mint stays;
 *   <li>{@code from}'s nonce + 1, as the OP Stack does for every deposit (left at 2^64-1, which no
 *       account reaches).
 * </ol>
 *
 * No gas is charged: the depositor paid on L1. {@code gasUsed} and the effective gas price are 0
 * and the fee recipient is not touched; the deposit's gas limit still counts against the block's
 * gas limit (see {@link BlockContext#requireGasLimitsFit}).
 *
 * <h2>Calls</h2>
 *
 * {@link #call} runs a {@link CallMessage} ({@code eth_call}, {@code eth_estimateGas}) with geth's
 * call rules, in geth's order: no chain or nonce check; when a fee is given, tip cap ≤ fee cap
 * ({@link SkipReason#TIP_ABOVE_FEE_CAP}) and fee cap ≥ base fee; balance ≥ gasLimit × fee cap +
 * value; gas limit ≥ intrinsic gas; then no creation and no code at the recipient unless it is a
 * native program's ({@link SkipReason#CODE_EXECUTION_UNSUPPORTED}: there is no EVM). It then has
 * the effects of a user transaction, a program call included, at price 0 when no fee is given and
 * without an L1 data fee (as op-geth's {@code eth_call}, which skips the L1 cost). A skipped call's
 * message is geth's detail for that error ({@code address 0x… have 5 want 7}, {@code have 20000,
 * want 21000}).
 *
 * <p>Stateless apart from the context; one instance may serve any number of threads.
 */
public final class TransactionProcessor {

  private static final long MAX_NONCE = -1L; // 2^64-1 unsigned

  private final BlockContext context;

  /** A processor for transactions of the block described by {@code context}. */
  public TransactionProcessor(BlockContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  /** Executes {@code tx}, reading and writing through {@code state}. */
  public TransactionOutcome process(VerifiedTransaction tx, StateAccess state) {
    return switch (tx.transaction()) {
      case DepositTransaction deposit -> deposit(deposit, state);
      case SignedTransaction signed -> user(tx, signed.payload(), state);
    };
  }

  private TransactionOutcome user(
      VerifiedTransaction tx, UnsignedTransaction payload, StateAccess state) {
    Optional<Skipped> stateless = statelessCheck(tx, payload);
    if (stateless.isPresent()) {
      return stateless.get();
    }
    Address senderAddress = tx.sender();
    Account sender = state.account(senderAddress);
    Wei l1Fee = context.l1Fee(tx);
    Optional<Skipped> stateful = statefulCheck(payload, sender, l1Fee);
    if (stateful.isPresent()) {
      return stateful.get();
    }
    Address to = payload.to().orElseThrow(); // creations were skipped above
    Wei price = EffectiveGasPrice.of(payload, context.baseFee());
    Hash codeHash = state.account(to).codeHash();
    if (NativePrograms.isProgram(codeHash)) {
      ProgramCall call =
          new ProgramCall(
              to,
              codeHash,
              senderAddress,
              payload.value(),
              payload.data(),
              payload.gasLimit() - tx.intrinsicGas(),
              context.timestamp(),
              payload.accessList());
      return ProgramTransactions.run(
          state, call, sender, payload.gasLimit(), tx.intrinsicGas(), price, l1Fee);
    }
    return transfer(
        state, senderAddress, sender, to, payload.value(), tx.intrinsicGas(), price, l1Fee);
  }

  /**
   * Runs {@code call} with geth's call rules (see the class comment), reading and writing through
   * {@code state}; the caller throws the writes away.
   */
  public TransactionOutcome call(CallMessage call, StateAccess state) {
    Account sender = state.account(call.from());
    long intrinsic = IntrinsicGas.of(call.data(), call.accessList(), call.isContractCreation());
    Optional<Skipped> refused = callCheck(call, sender, intrinsic, state);
    if (refused.isPresent()) {
      return refused.get();
    }
    Wei price =
        call.hasFees()
            ? EffectiveGasPrice.of(call.feeCap(), call.tipCap(), context.baseFee())
            : Wei.ZERO;
    Address to = call.to().orElseThrow(); // creations were refused above
    Hash codeHash = state.account(to).codeHash();
    if (NativePrograms.isProgram(codeHash)) {
      ProgramCall programCall =
          new ProgramCall(
              to,
              codeHash,
              call.from(),
              call.value(),
              call.data(),
              call.gasLimit() - intrinsic,
              context.timestamp(),
              call.accessList());
      return ProgramTransactions.run(
          state, programCall, sender, call.gasLimit(), intrinsic, price, Wei.ZERO);
    }
    return transfer(state, call.from(), sender, to, call.value(), intrinsic, price, Wei.ZERO);
  }

  /** The checks of a call, in geth's order, with geth's detail texts. */
  private Optional<Skipped> callCheck(
      CallMessage call, Account sender, long intrinsic, StateAccess state) {
    Address from = call.from();
    if (call.hasFees() && call.tipCap().compareTo(call.feeCap()) > 0) {
      return skip(
          SkipReason.TIP_ABOVE_FEE_CAP,
          "address "
              + from
              + ", maxPriorityFeePerGas: "
              + call.tipCap().value()
              + ", maxFeePerGas: "
              + call.feeCap().value());
    }
    if (call.hasFees() && call.feeCap().compareTo(context.baseFee()) < 0) {
      return skip(
          SkipReason.FEE_CAP_BELOW_BASE_FEE,
          "address "
              + from
              + ", maxFeePerGas: "
              + call.feeCap().value()
              + ", baseFee: "
              + context.baseFee().value());
    }
    BigInteger upFront = upFrontCost(call.gasLimit(), call.feeCap(), call.value(), Wei.ZERO);
    if (sender.balance().value().compareTo(upFront) < 0) {
      return skip(
          SkipReason.INSUFFICIENT_FUNDS,
          "address " + from + " have " + sender.balance().value() + " want " + upFront);
    }
    if (Long.compareUnsigned(call.gasLimit(), intrinsic) < 0) {
      return skip(
          SkipReason.INTRINSIC_GAS_TOO_LOW,
          "have " + Long.toUnsignedString(call.gasLimit()) + ", want " + intrinsic);
    }
    if (call.to().isEmpty()) {
      return skip(SkipReason.CONTRACT_CREATION_UNSUPPORTED, "contract creation, no EVM yet");
    }
    Hash codeHash = state.account(call.to().get()).codeHash();
    if (!codeHash.equals(Account.EMPTY_CODE_HASH) && !NativePrograms.isProgram(codeHash)) {
      return skip(
          SkipReason.CODE_EXECUTION_UNSUPPORTED,
          "address " + call.to().get() + " has code (code hash " + codeHash + ")");
    }
    return Optional.empty();
  }

  /**
   * The effects of a user transaction or call that passed its checks: the sender pays {@code
   * gasUsed × price + value + l1Fee} and its nonce increases, the recipient gets {@code value}, the
   * fee recipient gets {@code gasUsed × price + l1Fee}.
   */
  private static Included transfer(
      StateAccess state,
      Address senderAddress,
      Account sender,
      Address to,
      Wei amount,
      long gasUsed,
      Wei price,
      Wei l1Fee) {
    BigInteger fee = unsigned(gasUsed).multiply(price.value()).add(l1Fee.value());
    BigInteger value = amount.value();
    state.setAccount(
        senderAddress,
        sender
            .withNonce(sender.nonce() + 1)
            .withBalance(Wei.of(sender.balance().value().subtract(fee).subtract(value))));
    credit(state, to, value);
    state.creditFeeRecipient(Wei.of(fee));
    return new Included(ReceiptStatus.SUCCESS, gasUsed, price, l1Fee, List.of());
  }

  /** op-geth's up-front balance requirement: gasLimit × fee cap + value + l1Fee. */
  private static BigInteger upFrontCost(long gasLimit, Wei feeCap, Wei value, Wei l1Fee) {
    return unsigned(gasLimit).multiply(feeCap.value()).add(value.value()).add(l1Fee.value());
  }

  private Optional<Skipped> statelessCheck(VerifiedTransaction tx, UnsignedTransaction payload) {
    Optional<ChainId> chainId = payload.signatureChainId();
    if (chainId.isEmpty()) {
      return skip(SkipReason.UNPROTECTED_TRANSACTION, "legacy transaction without chain id");
    }
    if (!chainId.get().equals(context.chainId())) {
      return skip(
          SkipReason.WRONG_CHAIN_ID,
          "signed for chain " + chainId.get() + ", this chain is " + context.chainId());
    }
    if (payload.to().isEmpty()) {
      return skip(SkipReason.CONTRACT_CREATION_UNSUPPORTED, "contract creation, no EVM yet");
    }
    if (Long.compareUnsigned(payload.gasLimit(), tx.intrinsicGas()) < 0) {
      return skip(
          SkipReason.INTRINSIC_GAS_TOO_LOW,
          "gas limit "
              + Long.toUnsignedString(payload.gasLimit())
              + " < intrinsic gas "
              + tx.intrinsicGas());
    }
    return Optional.empty();
  }

  private Optional<Skipped> statefulCheck(UnsignedTransaction payload, Account sender, Wei l1Fee) {
    if (payload.nonce() != sender.nonce()) {
      return skip(
          SkipReason.NONCE_MISMATCH,
          "account nonce "
              + Long.toUnsignedString(sender.nonce())
              + ", transaction nonce "
              + Long.toUnsignedString(payload.nonce()));
    }
    if (sender.nonce() == MAX_NONCE) {
      return skip(SkipReason.NONCE_MAX, "nonce " + Long.toUnsignedString(sender.nonce()));
    }
    Wei feeCap = payload.maxGasPrice();
    if (feeCap.compareTo(context.baseFee()) < 0) {
      return skip(
          SkipReason.FEE_CAP_BELOW_BASE_FEE,
          "fee cap " + feeCap.value() + " < base fee " + context.baseFee().value());
    }
    BigInteger upFront = upFrontCost(payload.gasLimit(), feeCap, payload.value(), l1Fee);
    if (sender.balance().value().compareTo(upFront) < 0) {
      return skip(
          SkipReason.INSUFFICIENT_FUNDS,
          "balance "
              + sender.balance().value()
              + " < gas × fee cap + value + l1Fee "
              + upFront
              + " (l1Fee "
              + l1Fee.value()
              + ")");
    }
    return Optional.empty();
  }

  private static TransactionOutcome deposit(DepositTransaction deposit, StateAccess state) {
    Account from = state.account(deposit.from());
    BigInteger minted = from.balance().value().add(deposit.mint().value());
    BigInteger value = deposit.value().value();
    boolean covered = minted.compareTo(value) >= 0;
    BigInteger balance = covered ? minted.subtract(value) : minted;
    long nonce = from.nonce() == MAX_NONCE ? MAX_NONCE : from.nonce() + 1;
    state.setAccount(deposit.from(), from.withNonce(nonce).withBalance(Wei.of(balance)));
    if (covered) {
      credit(state, deposit.to(), value);
    }
    return new Included(ReceiptStatus.of(covered), 0, Wei.ZERO, Wei.ZERO, List.of());
  }

  private static void credit(StateAccess state, Address address, BigInteger amount) {
    Account account = state.account(address);
    state.setAccount(address, account.withBalance(Wei.of(account.balance().value().add(amount))));
  }

  private static Optional<Skipped> skip(SkipReason reason, String message) {
    return Optional.of(new Skipped(reason, message));
  }

  static BigInteger unsigned(long value) {
    return value >= 0 ? BigInteger.valueOf(value) : new BigInteger(Long.toUnsignedString(value));
  }
}
