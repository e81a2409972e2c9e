package io.paraseq.protocol.state;

import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for state properties: few addresses and slots, so that blocks overwrite, delete and
 * recreate the same accounts and slots; zero words often, so slots are deleted.
 */
final class StateArbitraries {

  private StateArbitraries() {}

  static Address address(int i) {
    byte[] bytes = new byte[Address.LENGTH];
    bytes[0] = (byte) (0x10 * i);
    bytes[Address.LENGTH - 1] = (byte) i;
    return Address.of(Bytes.of(bytes));
  }

  static Hash slot(int i) {
    return Hash.keccak(Bytes.of((byte) i));
  }

  static Arbitrary<Address> addresses() {
    return Arbitraries.integers().between(0, 7).map(StateArbitraries::address);
  }

  static Arbitrary<Hash> slots() {
    Arbitrary<Hash> few = Arbitraries.integers().between(0, 5).map(StateArbitraries::slot);
    Arbitrary<Hash> small =
        Arbitraries.integers().between(0, 3).map(i -> Hash.of(Word.of(i).bytes()));
    return Arbitraries.oneOf(few, small);
  }

  static Arbitrary<Word> words() {
    Arbitrary<Word> small = Arbitraries.longs().between(1, 300).map(Word::of);
    Arbitrary<Word> big =
        Arbitraries.bigIntegers()
            .between(BigInteger.ONE, BigInteger.TWO.pow(256).subtract(BigInteger.ONE))
            .map(Word::of);
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(Word.ZERO)), Tuple.of(3, small), Tuple.of(2, big));
  }

  static Arbitrary<Account> accounts() {
    Arbitrary<Long> nonces =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 5), Arbitraries.longs(), Arbitraries.just(-1L));
    Arbitrary<Wei> balances =
        Arbitraries.oneOf(
            Arbitraries.just(Wei.ZERO),
            Arbitraries.longs().between(0, Long.MAX_VALUE).map(Wei::of),
            Arbitraries.bigIntegers().between(BigInteger.ZERO, Wei.MAX.value()).map(Wei::of));
    Arbitrary<Hash> codeHashes =
        Arbitraries.oneOf(
            Arbitraries.just(Account.EMPTY_CODE_HASH),
            Arbitraries.integers().between(0, 3).map(i -> Hash.keccak(Bytes.of(i.byteValue()))));
    Arbitrary<Hash> storageRoots =
        Arbitraries.integers()
            .between(0, 3)
            .map(i -> Hash.keccak(Bytes.of((byte) (i.intValue() + 9))));
    return Combinators.combine(nonces, balances, storageRoots, codeHashes).as(Account::new);
  }

  /** One write, as an executor would make it. */
  sealed interface Op {
    void addTo(StateDiff.Builder builder);
  }

  record SetAccount(Address address, Account account) implements Op {
    public void addTo(StateDiff.Builder builder) {
      builder.setAccount(address, account);
    }
  }

  record DeleteAccount(Address address) implements Op {
    public void addTo(StateDiff.Builder builder) {
      builder.deleteAccount(address);
    }
  }

  record SetStorage(Address address, Hash slot, Word value) implements Op {
    public void addTo(StateDiff.Builder builder) {
      builder.setStorage(address, slot, value);
    }
  }

  static Arbitrary<Op> ops() {
    Arbitrary<Op> set = Combinators.combine(addresses(), accounts()).as(SetAccount::new);
    Arbitrary<Op> delete = addresses().map(DeleteAccount::new);
    Arbitrary<Op> store = Combinators.combine(addresses(), slots(), words()).as(SetStorage::new);
    return Arbitraries.frequencyOf(Tuple.of(3, set), Tuple.of(1, delete), Tuple.of(5, store));
  }

  static StateDiff diffOf(List<Op> ops) {
    StateDiff.Builder builder = StateDiff.builder();
    ops.forEach(op -> op.addTo(builder));
    return builder.build();
  }

  /** A block's writes: up to 20. */
  static Arbitrary<List<Op>> block() {
    return ops().list().ofMaxSize(20);
  }

  /** A block's diff. */
  static Arbitrary<StateDiff> diffs() {
    return block().map(StateArbitraries::diffOf);
  }

  /** Up to 12 blocks of writes. */
  static Arbitrary<List<List<Op>>> blocks() {
    return block().list().ofMinSize(1).ofMaxSize(12);
  }
}
