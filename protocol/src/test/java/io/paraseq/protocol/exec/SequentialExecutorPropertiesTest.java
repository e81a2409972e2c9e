package io.paraseq.protocol.exec;

import static io.paraseq.protocol.exec.Txs.CHAIN;
import static io.paraseq.protocol.exec.Txs.ETH;
import static io.paraseq.protocol.exec.Txs.GWEI;
import static io.paraseq.protocol.exec.Txs.address;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.fee.L1DataFee;
import io.paraseq.protocol.state.AccountWrite;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DepositTransaction;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random blocks over a funded genesis: senders with random balances (some empty) and nonces,
 * transfers with random values, fees, gas limits, nonces and chains (many invalid), deposits, and a
 * fee recipient that is sometimes a sender.
 */
class SequentialExecutorPropertiesTest {

  private static final int SENDERS = 6;
  private static final long GAS_LIMIT = 30_000_000;

  private final SequentialExecutor executor = new SequentialExecutor();

  /** A random block and the state it runs on. */
  record Scenario(GenesisAlloc alloc, BlockContext context, List<VerifiedTransaction> block) {

    Set<Address> addresses() {
      Set<Address> all = new LinkedHashSet<>(alloc.accounts().keySet());
      all.add(context.feeRecipient());
      for (VerifiedTransaction tx : block) {
        all.add(tx.sender());
        tx.transaction().recipient().ifPresent(all::add);
      }
      return all;
    }

    BigInteger minted() {
      return block.stream()
          .map(VerifiedTransaction::transaction)
          .filter(DepositTransaction.class::isInstance)
          .map(tx -> ((DepositTransaction) tx).mint().value())
          .reduce(BigInteger.ZERO, BigInteger::add);
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Arbitraries.randomValue(SequentialExecutorPropertiesTest::scenario);
  }

  @Property(tries = 300)
  void etherIsConservedPlusMinted(@ForAll("scenarios") Scenario scenario) {
    WorldState state = WorldState.genesis(scenario.alloc());
    BigInteger before = total(state, scenario.addresses());

    BlockExecution result = executor.execute(scenario.context(), scenario.block(), state.view());
    state.apply(result.diff());

    assertThat(total(state, scenario.addresses())).isEqualTo(before.add(scenario.minted()));
  }

  @Property(tries = 200)
  void theSameBlockGivesAnIdenticalExecution(@ForAll("scenarios") Scenario scenario) {
    WorldState state = WorldState.genesis(scenario.alloc());

    BlockExecution first = executor.execute(scenario.context(), scenario.block(), state.view());
    BlockExecution second =
        new SequentialExecutor()
            .execute(scenario.context(), List.copyOf(scenario.block()), state.view());

    assertThat(second).isEqualTo(first);
    assertThat(second.diff().changes()).isEqualTo(first.diff().changes());
  }

  @Property(tries = 200)
  void theAppliedDiffGivesTheRootOfTheStateBuiltFromScratch(
      @ForAll("scenarios") Scenario scenario) {
    WorldState state = WorldState.genesis(scenario.alloc());
    BlockExecution result = executor.execute(scenario.context(), scenario.block(), state.view());
    state.apply(result.diff());

    Map<Address, Allocation> expected = new TreeMap<>(scenario.alloc().accounts());
    result
        .diff()
        .changes()
        .forEach(
            (address, change) -> {
              switch (change.write()) {
                case AccountWrite.Updated updated ->
                    expected.put(
                        address,
                        Allocation.of(updated.account().balance())
                            .withNonce(updated.account().nonce()));
                case AccountWrite.Deleted deleted -> expected.remove(address);
                case AccountWrite.Unchanged unchanged -> {}
              }
            });
    assertThat(state.stateRoot())
        .isEqualTo(WorldState.genesis(GenesisAlloc.of(expected)).stateRoot());
  }

  @Property(tries = 200)
  void blockBookkeepingIsConsistent(@ForAll("scenarios") Scenario scenario) {
    WorldState state = WorldState.genesis(scenario.alloc());
    BlockExecution result = executor.execute(scenario.context(), scenario.block(), state.view());
    state.apply(result.diff());

    Statistics.label("included")
        .collect(
            result.included().isEmpty() ? "none" : result.skipped().isEmpty() ? "all" : "some");
    result.skipped().forEach(skip -> Statistics.label("skip reasons").collect(skip.reason()));
    assertThat(result.included().size() + result.skipped().size())
        .isEqualTo(scenario.block().size());
    long gas = 0;
    Map<Address, Long> sent = new HashMap<>();
    for (ExecutedTransaction executed : result.included()) {
      gas += executed.gasUsed();
      assertThat(executed.receipt().cumulativeGasUsed()).isEqualTo(gas);
      assertThat(executed.l1Fee()).isEqualTo(scenario.context().l1Fee(executed.transaction()));
      sent.merge(executed.transaction().sender(), 1L, Long::sum);
    }
    assertThat(result.gasUsed()).isEqualTo(gas);
    assertThat(result.receipts()).allSatisfy(receipt -> assertThat(receipt.logs()).isEmpty());
    for (Address address : scenario.addresses()) {
      Allocation genesis = scenario.alloc().accounts().get(address);
      long before = genesis == null ? 0 : genesis.nonce();
      assertThat(state.view().account(address).nonce())
          .isEqualTo(before + sent.getOrDefault(address, 0L));
    }
  }

  @Property(tries = 200)
  void splittingTheBlockInTwoGivesTheSameState(@ForAll("scenarios") Scenario scenario) {
    WorldState whole = WorldState.genesis(scenario.alloc());
    whole.apply(executor.execute(scenario.context(), scenario.block(), whole.view()).diff());

    WorldState halves = WorldState.genesis(scenario.alloc());
    int middle = scenario.block().size() / 2;
    for (List<VerifiedTransaction> part :
        List.of(
            scenario.block().subList(0, middle),
            scenario.block().subList(middle, scenario.block().size()))) {
      halves.apply(executor.execute(scenario.context(), part, halves.view()).diff());
    }

    assertThat(halves.stateRoot()).isEqualTo(whole.stateRoot());
  }

  private static BigInteger total(WorldState state, Set<Address> addresses) {
    return addresses.stream()
        .map(address -> state.view().account(address).balance().value())
        .reduce(BigInteger.ZERO, BigInteger::add);
  }

  private static Scenario scenario(Random random) {
    List<Address> senders = new ArrayList<>();
    Map<Address, Allocation> alloc = new TreeMap<>();
    for (int i = 0; i < SENDERS; i++) {
      Address sender = address(100 + i);
      senders.add(sender);
      alloc.put(sender, Allocation.of(Wei.of(amount(random))).withNonce(random.nextInt(2)));
    }
    Address feeRecipient =
        random.nextInt(4) == 0 ? senders.get(random.nextInt(SENDERS)) : address(0xfee);
    long baseFee = List.of(0L, 7L, GWEI).get(random.nextInt(3));
    long l1BaseFee = List.of(0L, GWEI, 10_000_000_000_000L).get(random.nextInt(3));
    BlockContext context =
        new BlockContext(
            1,
            1_700_000_000,
            feeRecipient,
            Wei.of(baseFee),
            GAS_LIMIT,
            CHAIN,
            Wei.of(l1BaseFee),
            L1DataFee.SCALAR_ONE);
    List<Address> recipients = new ArrayList<>(senders);
    recipients.add(feeRecipient);
    recipients.add(address(200));
    recipients.add(address(201));
    int count = random.nextInt(30);
    List<VerifiedTransaction> block = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Address sender = senders.get(random.nextInt(SENDERS));
      Address to = recipients.get(random.nextInt(recipients.size()));
      block.add(transaction(random, i, sender, to, baseFee));
    }
    return new Scenario(GenesisAlloc.of(alloc), context, block);
  }

  private static VerifiedTransaction transaction(
      Random random, int index, Address sender, Address to, long baseFee) {
    long nonce = random.nextInt(4);
    BigInteger value = amount(random);
    long feeCap = List.of(0L, baseFee, baseFee + 1, 2 * GWEI, 10 * GWEI).get(random.nextInt(5));
    long gasLimit = List.of(20_000L, 21_000L, 21_100L, 50_000L).get(random.nextInt(4));
    Bytes data = random.nextBoolean() ? Bytes.EMPTY : Bytes.fromHex("0x00ff");
    ChainId chain = random.nextInt(10) == 0 ? ChainId.MAINNET : CHAIN;
    return switch (random.nextInt(4)) {
      case 0 -> {
        Address from = random.nextBoolean() ? sender : address(300 + random.nextInt(3));
        yield Txs.deposit(index, from, to, amount(random), amount(random));
      }
      case 1 ->
          Txs.legacy(
              sender,
              nonce,
              Optional.of(to),
              value,
              feeCap,
              gasLimit,
              data,
              random.nextInt(20) == 0 ? Optional.empty() : Optional.of(chain));
      case 2 -> Txs.accessList(sender, nonce, to, value, feeCap, chain);
      default ->
          Txs.eip1559(
              sender, nonce, to, value, feeCap, random.nextInt(3) * GWEI / 2, gasLimit, data);
    };
  }

  /** Zero, dust, or up to 100 ETH. */
  private static BigInteger amount(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> BigInteger.ZERO;
      case 1 -> BigInteger.valueOf(random.nextInt(1_000_000));
      default ->
          ETH.multiply(BigInteger.valueOf(random.nextInt(100)))
              .divide(BigInteger.TEN)
              .add(BigInteger.valueOf(random.nextLong(1, Long.MAX_VALUE)));
    };
  }
}
