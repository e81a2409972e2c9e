package io.paraseq.protocol.exec;

import static io.paraseq.protocol.exec.Txs.CHAIN;
import static io.paraseq.protocol.exec.Txs.ETH;
import static io.paraseq.protocol.exec.Txs.GWEI;
import static io.paraseq.protocol.exec.Txs.address;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.StateSnapshot;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.trie.ParallelHashing;
import io.paraseq.protocol.tx.AccessListEntry;
import io.paraseq.protocol.tx.IntrinsicGas;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link TransactionProcessor#call} through {@link CallExecutor}: geth's call rules, to the wei.
 */
class CallExecutorTest {

  private static final Address ALICE = address(1);
  private static final Address BOB = address(2);
  private static final Address CONTRACT = address(3);
  private static final Address FEE_RECIPIENT = address(0xfee);
  private static final BigInteger ALICE_BALANCE = ETH;
  private static final long BASE_FEE = GWEI;
  private static final Hash SOME_CODE = Hash.keccak(Bytes.of((byte) 0x60, (byte) 0x00));

  /** Alice has 1 ETH and nonce 7 (calls never check nonces); the contract has code. */
  private final WorldState world =
      WorldState.fromFlat(
          Map.of(
              ALICE,
              Account.of(7, Wei.of(ALICE_BALANCE)),
              CONTRACT,
              new Account(0, Wei.ZERO, MerkleTrie.EMPTY_ROOT, SOME_CODE)),
          Map.of(),
          ParallelHashing.sequential());

  private final StateSnapshot before = world.view();
  private final CallExecutor executor =
      new CallExecutor(
          new BlockContext(1, 1, FEE_RECIPIENT, Wei.of(BASE_FEE), 30_000_000, CHAIN), before);

  @Test
  void aTransferWithoutFeesUsesIntrinsicGasAtPriceZeroAndWritesNothing() {
    TransactionOutcome outcome = executor.call(call(ALICE, BOB, 50_000, 0, 0, ETH, Bytes.EMPTY));

    assertThat(outcome)
        .isEqualTo(
            new TransactionOutcome.Included(
                ReceiptStatus.SUCCESS, 21_000, Wei.ZERO, Wei.ZERO, List.of()));
    assertThat(world.view().account(BOB)).isEqualTo(Account.EMPTY);
    assertThat(world.view().account(ALICE).balance()).isEqualTo(Wei.of(ALICE_BALANCE));
    assertThat(world.stateRoot()).isEqualTo(before.stateRoot());
  }

  @Test
  void callsDoNotSeeEachOther() {
    CallMessage all = call(ALICE, BOB, 21_000, 0, 0, ALICE_BALANCE, Bytes.EMPTY);
    assertThat(executor.call(all)).isInstanceOf(TransactionOutcome.Included.class);
    assertThat(executor.call(all)).isInstanceOf(TransactionOutcome.Included.class);
  }

  @Test
  void withFeesThePriceIsTheEffectiveGasPrice() {
    TransactionOutcome dynamic =
        executor.call(call(ALICE, BOB, 21_000, 3 * GWEI, GWEI, BigInteger.ONE, Bytes.EMPTY));
    TransactionOutcome legacy =
        executor.call(call(ALICE, BOB, 21_000, 5 * GWEI, 5 * GWEI, BigInteger.ONE, Bytes.EMPTY));

    assertThat(((TransactionOutcome.Included) dynamic).effectiveGasPrice())
        .isEqualTo(Wei.of(2 * GWEI));
    assertThat(((TransactionOutcome.Included) legacy).effectiveGasPrice())
        .isEqualTo(Wei.of(5 * GWEI));
  }

  @Test
  void dataAndAccessListCostIntrinsicGas() {
    Bytes data = Bytes.of((byte) 0, (byte) 1, (byte) 2);
    List<AccessListEntry> accessList = List.of(new AccessListEntry(BOB, List.of(Hash.ZERO)));
    CallMessage message =
        new CallMessage(
            ALICE, Optional.of(BOB), 100_000, Wei.ZERO, Wei.ZERO, Wei.ZERO, data, accessList);

    TransactionOutcome outcome = executor.call(message);

    long expected = 21_000 + 4 + 16 + 16 + 2_400 + 1_900;
    assertThat(IntrinsicGas.of(data, accessList, false)).isEqualTo(expected);
    assertThat(((TransactionOutcome.Included) outcome).gasUsed()).isEqualTo(expected);
  }

  @Test
  void refusalsCarryGethsDetails() {
    assertRefused(
        call(ALICE, BOB, 21_000, 0, 0, ALICE_BALANCE.add(BigInteger.ONE), Bytes.EMPTY),
        SkipReason.INSUFFICIENT_FUNDS,
        "address "
            + ALICE
            + " have "
            + ALICE_BALANCE
            + " want "
            + ALICE_BALANCE.add(BigInteger.ONE));
    BigInteger upFront = BigInteger.valueOf(21_000 * 2 * GWEI).add(ALICE_BALANCE);
    assertRefused(
        call(ALICE, BOB, 21_000, 2 * GWEI, GWEI, ALICE_BALANCE, Bytes.EMPTY),
        SkipReason.INSUFFICIENT_FUNDS,
        "address " + ALICE + " have " + ALICE_BALANCE + " want " + upFront);
    assertRefused(
        call(ALICE, BOB, 20_999, 0, 0, BigInteger.ZERO, Bytes.EMPTY),
        SkipReason.INTRINSIC_GAS_TOO_LOW,
        "have 20999, want 21000");
    assertRefused(
        call(ALICE, BOB, 21_000, GWEI - 1, 0, BigInteger.ZERO, Bytes.EMPTY),
        SkipReason.FEE_CAP_BELOW_BASE_FEE,
        "address " + ALICE + ", maxFeePerGas: 999999999, baseFee: 1000000000");
    assertRefused(
        call(ALICE, BOB, 21_000, 2 * GWEI, 3 * GWEI, BigInteger.ZERO, Bytes.EMPTY),
        SkipReason.TIP_ABOVE_FEE_CAP,
        "address " + ALICE + ", maxPriorityFeePerGas: 3000000000, maxFeePerGas: 2000000000");
  }

  @Test
  void aCallWithoutFeesIgnoresTheBaseFee() {
    assertThat(executor.call(call(BOB, ALICE, 21_000, 0, 0, BigInteger.ZERO, Bytes.EMPTY)))
        .isInstanceOf(TransactionOutcome.Included.class);
  }

  @Test
  void creationsAndCodeCannotRunYet() {
    CallMessage creation =
        new CallMessage(
            ALICE,
            Optional.empty(),
            100_000,
            Wei.ZERO,
            Wei.ZERO,
            Wei.ZERO,
            Bytes.of((byte) 0x60),
            List.of());
    assertRefused(creation, SkipReason.CONTRACT_CREATION_UNSUPPORTED, "no EVM");
    assertRefused(
        call(ALICE, CONTRACT, 21_000, 0, 0, BigInteger.ZERO, Bytes.EMPTY),
        SkipReason.CODE_EXECUTION_UNSUPPORTED,
        "address " + CONTRACT + " has code (code hash " + SOME_CODE + ")");
  }

  @Test
  void aCreationPaysTheCreationIntrinsicGasBeforeBeingRefused() {
    CallMessage creation =
        new CallMessage(
            ALICE, Optional.empty(), 53_000, Wei.ZERO, Wei.ZERO, Wei.ZERO, Bytes.EMPTY, List.of());
    assertRefused(creation.withGasLimit(52_999), SkipReason.INTRINSIC_GAS_TOO_LOW, "want 53000");
    assertRefused(creation, SkipReason.CONTRACT_CREATION_UNSUPPORTED, "no EVM");
  }

  @Test
  void effectiveGasPriceOfFeeFields() {
    assertThat(EffectiveGasPrice.of(Wei.of(10), Wei.of(3), Wei.of(5))).isEqualTo(Wei.of(8));
    assertThat(EffectiveGasPrice.of(Wei.of(7), Wei.of(3), Wei.of(5))).isEqualTo(Wei.of(7));
    assertThat(EffectiveGasPrice.of(Wei.of(9), Wei.of(9), Wei.of(5))).isEqualTo(Wei.of(9));
  }

  private void assertRefused(CallMessage message, SkipReason reason, String detail) {
    TransactionOutcome outcome = executor.call(message);
    assertThat(outcome).isInstanceOf(TransactionOutcome.Skipped.class);
    TransactionOutcome.Skipped skipped = (TransactionOutcome.Skipped) outcome;
    assertThat(skipped.reason()).isEqualTo(reason);
    assertThat(skipped.message()).contains(detail);
  }

  static CallMessage call(
      Address from, Address to, long gas, long feeCap, long tip, BigInteger value, Bytes data) {
    return new CallMessage(
        from, Optional.of(to), gas, Wei.of(feeCap), Wei.of(tip), Wei.of(value), data, List.of());
  }
}
