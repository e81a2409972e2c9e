package io.paraseq.protocol.exec.stm;

import static io.paraseq.protocol.exec.Txs.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.state.StateKey;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MVMemoryTest {

  private static final Address A = address(1);
  private static final Address B = address(2);
  private static final Address FEE = address(0xfee);
  private static final StateKey KEY_A = StateKey.account(A);
  private static final StateKey KEY_B = StateKey.account(B);
  private static final StateKey FEE_KEY = StateKey.account(FEE);
  private static final Hash SLOT = Hash.keccak(io.paraseq.protocol.types.Bytes.of((byte) 7));
  private static final StateKey SLOT_A = StateKey.storage(A, SLOT);

  private final WorldState state =
      WorldState.genesis(
          GenesisAlloc.of(
              Map.of(
                  A, Allocation.of(Wei.of(100)).withNonce(3),
                  FEE, Allocation.of(Wei.of(1_000)))));
  private final MVMemory memory = new MVMemory(10, state.view(), FEE);

  @Test
  void withoutWritesEveryTransactionReadsTheBase() {
    assertThat(memory.read(KEY_A, 5))
        .isEqualTo(new ReadResult.Value(ReadOrigin.BASE, Account.of(3, Wei.of(100))));
    assertThat(memory.read(KEY_B, 0))
        .isEqualTo(new ReadResult.Value(ReadOrigin.BASE, Account.EMPTY));
    assertThat(memory.read(SLOT_A, 9)).isEqualTo(new ReadResult.Value(ReadOrigin.BASE, Word.ZERO));
  }

  @Test
  void aTransactionReadsTheHighestLowerWriteAndNeverItsOwnOrAHigherOne() {
    memory.record(new Version(2, 0), List.of(), Map.of(KEY_A, balance(5)));
    memory.record(new Version(6, 1), List.of(), Map.of(KEY_A, balance(9)));

    assertThat(memory.read(KEY_A, 2)).isEqualTo(base(Account.of(3, Wei.of(100))));
    assertThat(memory.read(KEY_A, 3)).isEqualTo(written(2, 0, balance(5)));
    assertThat(memory.read(KEY_A, 6)).isEqualTo(written(2, 0, balance(5)));
    assertThat(memory.read(KEY_A, 7)).isEqualTo(written(6, 1, balance(9)));
  }

  @Test
  void storageSlotsAreVersionedLikeAccounts() {
    memory.record(new Version(1, 0), List.of(), Map.of(SLOT_A, Word.of(42)));

    assertThat(memory.read(SLOT_A, 1)).isEqualTo(new ReadResult.Value(ReadOrigin.BASE, Word.ZERO));
    assertThat(memory.read(SLOT_A, 2)).isEqualTo(written(1, 0, Word.of(42)));
  }

  @Test
  void recordSaysWhetherAnIncarnationWroteALocationItsPredecessorDidNot() {
    assertThat(memory.record(new Version(3, 0), List.of(), Map.of(KEY_A, balance(1)))).isTrue();
    assertThat(memory.record(new Version(3, 1), List.of(), Map.of(KEY_A, balance(2)))).isFalse();
    assertThat(
            memory.record(
                new Version(3, 2), List.of(), Map.of(KEY_A, balance(2), KEY_B, balance(3))))
        .isTrue();
    assertThat(memory.record(new Version(3, 3), List.of(), Map.of(KEY_B, balance(3)))).isFalse();
  }

  @Test
  void aLocationTheNextIncarnationNoLongerWritesLosesTheTransactionsEntry() {
    memory.record(new Version(1, 0), List.of(), Map.of(KEY_A, balance(7)));
    memory.record(new Version(3, 0), List.of(), Map.of(KEY_A, balance(8), KEY_B, balance(1)));
    memory.record(new Version(3, 1), List.of(), Map.of(KEY_B, balance(2)));

    assertThat(memory.read(KEY_A, 5)).isEqualTo(written(1, 0, balance(7)));
    assertThat(memory.read(KEY_B, 5)).isEqualTo(written(3, 1, balance(2)));
  }

  @Test
  void anAbortedIncarnationsWritesBecomeEstimatesThatBlockHigherReaders() {
    memory.record(new Version(1, 0), List.of(), Map.of(KEY_A, balance(7)));
    memory.record(new Version(4, 0), List.of(), Map.of(KEY_A, balance(8), SLOT_A, Word.of(1)));

    memory.convertWritesToEstimates(4);

    assertThat(memory.read(KEY_A, 4)).isEqualTo(written(1, 0, balance(7)));
    assertThat(memory.read(KEY_A, 5)).isEqualTo(new ReadResult.Blocked(4));
    assertThat(memory.read(SLOT_A, 9)).isEqualTo(new ReadResult.Blocked(4));

    memory.record(new Version(4, 1), List.of(), Map.of(KEY_A, balance(9)));
    assertThat(memory.read(KEY_A, 5)).isEqualTo(written(4, 1, balance(9)));
    assertThat(memory.read(SLOT_A, 9)).isEqualTo(new ReadResult.Value(ReadOrigin.BASE, Word.ZERO));
  }

  @Test
  void aReadSetStaysValidUntilALowerWriteChangesWhatItWouldRead() {
    memory.record(new Version(1, 0), List.of(), Map.of(KEY_A, balance(7)));
    memory.record(
        new Version(5, 0),
        List.of(
            new TxRead(KEY_A, origin(1, 0)),
            new TxRead(KEY_B, ReadOrigin.BASE),
            new TxRead(SLOT_A, ReadOrigin.BASE)),
        Map.of());
    assertThat(memory.validateReadSet(5)).isTrue();

    memory.record(new Version(7, 0), List.of(), Map.of(KEY_B, balance(1))); // higher: no effect
    assertThat(memory.validateReadSet(5)).isTrue();

    memory.record(new Version(2, 0), List.of(), Map.of(SLOT_A, Word.of(3))); // lower: new origin
    assertThat(memory.validateReadSet(5)).isFalse();
  }

  @Test
  void aReadOfAnEstimateOrANewIncarnationIsInvalid() {
    memory.record(new Version(1, 0), List.of(), Map.of(KEY_A, balance(7)));
    memory.record(new Version(5, 0), List.of(new TxRead(KEY_A, origin(1, 0))), Map.of());

    memory.convertWritesToEstimates(1);
    assertThat(memory.validateReadSet(5)).isFalse();

    memory.record(new Version(1, 1), List.of(), Map.of(KEY_A, balance(7))); // same value
    assertThat(memory.validateReadSet(5)).isFalse(); // but a new version
  }

  @Test
  void feeCreditsAddUpOverTheBaseAndDoNotConflictWithEachOther() {
    memory.record(new Version(0, 0), List.of(), Map.of(FEE_KEY, credit(10)));
    memory.record(new Version(1, 0), List.of(), Map.of(FEE_KEY, credit(0)));
    memory.record(new Version(3, 0), List.of(), Map.of(FEE_KEY, credit(5)));

    assertThat(memory.read(FEE_KEY, 0)).isEqualTo(summed(1_000));
    assertThat(memory.read(FEE_KEY, 2)).isEqualTo(summed(1_010));
    assertThat(memory.read(FEE_KEY, 9)).isEqualTo(summed(1_015));
  }

  @Test
  void aFeeRecipientReadSumsTheLastLowerWriteAndTheCreditsAfterIt() {
    memory.record(new Version(0, 0), List.of(), Map.of(FEE_KEY, credit(10)));
    memory.record(new Version(2, 0), List.of(), Map.of(FEE_KEY, Account.of(1, Wei.of(50))));
    memory.record(new Version(3, 0), List.of(), Map.of(FEE_KEY, credit(5)));
    memory.record(new Version(4, 0), List.of(), Map.of(FEE_KEY, credit(6)));

    assertThat(memory.read(FEE_KEY, 2)).isEqualTo(summed(Account.of(0, Wei.of(1_010))));
    assertThat(memory.read(FEE_KEY, 3)).isEqualTo(summed(Account.of(1, Wei.of(50))));
    assertThat(memory.read(FEE_KEY, 5)).isEqualTo(summed(Account.of(1, Wei.of(61))));
  }

  @Test
  void anEstimatedCreditBlocksFeeRecipientReadersAboveIt() {
    memory.record(new Version(1, 0), List.of(), Map.of(FEE_KEY, credit(10)));
    memory.record(new Version(3, 0), List.of(), Map.of(FEE_KEY, credit(5)));
    memory.convertWritesToEstimates(1);

    assertThat(memory.read(FEE_KEY, 1)).isEqualTo(summed(1_000));
    assertThat(memory.read(FEE_KEY, 2)).isEqualTo(new ReadResult.Blocked(1));
    assertThat(memory.read(FEE_KEY, 8)).isEqualTo(new ReadResult.Blocked(1));
  }

  @Test
  void aFeeRecipientReadIsValidatedByValue() {
    memory.record(new Version(1, 0), List.of(), Map.of(FEE_KEY, credit(10)));
    ReadOrigin seen = ((ReadResult.Value) memory.read(FEE_KEY, 4)).origin();
    memory.record(new Version(4, 0), List.of(new TxRead(FEE_KEY, seen)), Map.of());

    memory.record(new Version(1, 1), List.of(), Map.of(FEE_KEY, credit(10))); // same credit
    assertThat(memory.validateReadSet(4)).isTrue();

    memory.record(new Version(2, 0), List.of(), Map.of(FEE_KEY, credit(0))); // zero changes nothing
    assertThat(memory.validateReadSet(4)).isTrue();

    memory.record(new Version(3, 0), List.of(), Map.of(FEE_KEY, credit(1)));
    assertThat(memory.validateReadSet(4)).isFalse();
  }

  @Test
  void theFinalValuesAreTheLastWritesAndTheFeeRecipientsSum() {
    memory.record(new Version(0, 0), List.of(), Map.of(KEY_A, balance(1), FEE_KEY, credit(3)));
    memory.record(new Version(2, 0), List.of(), Map.of(KEY_A, balance(2), SLOT_A, Word.of(4)));
    memory.record(new Version(5, 0), List.of(), Map.of(FEE_KEY, credit(4), KEY_B, balance(6)));
    memory.record(new Version(5, 1), List.of(), Map.of(FEE_KEY, credit(4))); // B dropped

    Map<StateKey, Object> last = new HashMap<>();
    memory.forEachFinal(last::put);

    assertThat(last)
        .isEqualTo(
            Map.of(
                KEY_A, balance(2),
                SLOT_A, Word.of(4),
                FEE_KEY, Account.of(0, Wei.of(1_007))));
  }

  @Test
  void eachFinalValueIsVisitedOnceAtItsLastWriter() {
    memory.record(new Version(0, 0), List.of(), Map.of(KEY_A, balance(1), FEE_KEY, credit(3)));
    memory.record(new Version(2, 0), List.of(), Map.of(KEY_A, balance(2), SLOT_A, Word.of(4)));
    memory.record(new Version(5, 0), List.of(), Map.of(KEY_B, balance(6)));

    List<Map<StateKey, Object>> byWriter = new ArrayList<>();
    for (int tx = 0; tx < 6; tx++) {
      Map<StateKey, Object> values = new HashMap<>();
      memory.forEachFinalWrittenBy(tx, values::put);
      byWriter.add(values);
    }

    assertThat(byWriter.get(0)).isEmpty(); // A was overwritten by 2; the fee is not listed
    assertThat(byWriter.get(2)).isEqualTo(Map.of(KEY_A, balance(2), SLOT_A, Word.of(4)));
    assertThat(byWriter.get(5)).isEqualTo(Map.of(KEY_B, balance(6)));
    assertThat(memory.finalFeeRecipient()).contains(Account.of(0, Wei.of(1_003)));
  }

  @Test
  void onlyTheFeeRecipientTakesCreditsAndValuesMatchTheirLocation() {
    assertThatThrownBy(() -> memory.record(new Version(0, 0), List.of(), Map.of(KEY_A, credit(1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> memory.record(new Version(0, 0), List.of(), Map.of(KEY_A, Word.of(1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> memory.record(new Version(0, 0), List.of(), Map.of(SLOT_A, balance(1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Account balance(long wei) {
    return Account.of(0, Wei.of(wei));
  }

  private static FeeCredit credit(long wei) {
    return new FeeCredit(BigInteger.valueOf(wei));
  }

  private static ReadOrigin origin(int tx, int incarnation) {
    return new ReadOrigin.Written(new Version(tx, incarnation));
  }

  private static ReadResult written(int tx, int incarnation, Object value) {
    return new ReadResult.Value(origin(tx, incarnation), value);
  }

  private static ReadResult base(Object value) {
    return new ReadResult.Value(ReadOrigin.BASE, value);
  }

  private static ReadResult summed(long balance) {
    return summed(Account.of(0, Wei.of(balance)));
  }

  private static ReadResult summed(Account account) {
    return new ReadResult.Value(new ReadOrigin.Summed(account), account);
  }
}
