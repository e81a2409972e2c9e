package io.paraseq.protocol.exec;

import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.exec.TransactionOutcome.Included;
import io.paraseq.protocol.program.NativePrograms;
import io.paraseq.protocol.program.ProgramCall;
import io.paraseq.protocol.program.ProgramResult;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The effects of a user transaction or call to a native program that passed its checks, with the
 * EVM's revert semantics. The program runs on a write buffer ({@link NativePrograms#execute} reads
 * through {@link StateAccess#storage} and returns its writes); then:
 *
 * <ul>
 *   <li>returned: its storage writes are applied, its logs kept, status success; the value (always
 *       zero: no program is payable) moves to the program;
 *   <li>reverted: nothing of the program is applied, no logs, status failure, the revert data is
 *       the outcome's return data;
 *   <li>out of gas: as reverted, with all the gas used and no data.
 * </ul>
 *
 * In every case the sender's nonce increases and it pays {@code gasUsed × price + l1Fee} to the fee
 * recipient, {@code gasUsed} being the intrinsic gas plus the program's gas (the L1 data fee is
 * paid whatever the program did: the transaction's bytes go to L1 all the same). The program
 * account's record is neither read for its balance nor written, so calls into one program conflict
 * only on the slots they touch. Stateless.
 */
final class ProgramTransactions {

  private ProgramTransactions() {}

  /**
   * Runs {@code call} for a sender that passed its checks.
   *
   * @param state the transaction's view of the state
   * @param call the program call; its gas is {@code gasLimit − intrinsic}
   * @param sender the sender's account as read for the checks
   * @param gasLimit the transaction's gas limit, unsigned
   * @param intrinsic the intrinsic gas, at most {@code gasLimit}
   * @param price the wei per gas the sender pays
   * @param l1Fee the L1 data fee the sender pays (zero for calls)
   */
  static Included run(
      StateAccess state,
      ProgramCall call,
      Account sender,
      long gasLimit,
      long intrinsic,
      Wei price,
      Wei l1Fee) {
    ProgramResult result = NativePrograms.execute(call, state::storage);
    return switch (result) {
      case ProgramResult.Returned returned -> {
        long gasUsed = intrinsic + returned.gasUsed();
        pay(state, call, sender, gasUsed, price, l1Fee, call.value());
        returned
            .writes()
            .forEach((key, value) -> state.setStorage(key.address(), key.slot(), value));
        if (call.value().value().signum() != 0) {
          Account program = state.account(call.program());
          state.setAccount(
              call.program(),
              program.withBalance(Wei.of(program.balance().value().add(call.value().value()))));
        }
        yield new Included(
            ReceiptStatus.SUCCESS,
            gasUsed,
            price,
            l1Fee,
            returned.logs(),
            returned.returnData(),
            Optional.empty());
      }
      case ProgramResult.Reverted reverted -> {
        long gasUsed = intrinsic + reverted.gasUsed();
        pay(state, call, sender, gasUsed, price, l1Fee, Wei.ZERO);
        yield new Included(
            ReceiptStatus.FAILURE,
            gasUsed,
            price,
            l1Fee,
            List.of(),
            reverted.revertData(),
            Optional.of(ExecutionFailure.REVERTED));
      }
      case ProgramResult.OutOfGas outOfGas -> {
        pay(state, call, sender, gasLimit, price, l1Fee, Wei.ZERO);
        yield new Included(
            ReceiptStatus.FAILURE,
            gasLimit,
            price,
            l1Fee,
            List.of(),
            Bytes.EMPTY,
            Optional.of(ExecutionFailure.OUT_OF_GAS));
      }
    };
  }

  /**
   * The sender's nonce + 1 and its payment of the fees and {@code value}; the fees (gas and L1
   * data) are credited as one delta.
   */
  private static void pay(
      StateAccess state,
      ProgramCall call,
      Account sender,
      long gasUsed,
      Wei price,
      Wei l1Fee,
      Wei value) {
    BigInteger fee =
        TransactionProcessor.unsigned(gasUsed).multiply(price.value()).add(l1Fee.value());
    Address from = call.caller();
    state.setAccount(
        from,
        sender
            .withNonce(sender.nonce() + 1)
            .withBalance(Wei.of(sender.balance().value().subtract(fee).subtract(value.value()))));
    state.creditFeeRecipient(Wei.of(fee));
  }
}
