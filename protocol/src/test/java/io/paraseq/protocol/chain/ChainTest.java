package io.paraseq.protocol.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.block.BaseFeeRules;
import io.paraseq.protocol.block.Block;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.block.LogsBloom;
import io.paraseq.protocol.block.OrderedRoots;
import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.SequentialExecutor;
import io.paraseq.protocol.fee.L1DataFee;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.LegacyTransaction;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.TransactionValidator;
import io.paraseq.protocol.tx.ValidationPolicy;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Genesis, the dev accounts and a short chain built end to end: transactions signed with the dev
 * keys, verified as ingress does, executed, sealed and decoded again.
 */
class ChainTest {

  private static final ChainId CHAIN = ChainId.PARASEQ_DEFAULT;
  private static final Address FEE_RECIPIENT =
      Address.fromHex("0x4200000000000000000000000000000000000011");
  private static final long GWEI = 1_000_000_000L;
  private static final BaseFeeRules RULES = BaseFeeRules.withFloor(Wei.of(GWEI / 10));

  /** A small block gas limit (target 50,000) so that three transfers move the base fee up. */
  private static final ChainConfig CONFIG =
      new ChainConfig(CHAIN, 100_000, RULES, Wei.of(GWEI), FEE_RECIPIENT);

  private static final long GENESIS_TIME = 1_700_000_000L;
  private static final Genesis GENESIS = new Genesis(CONFIG, GENESIS_TIME, DevAccounts.alloc());

  private final TransactionValidator ingress =
      new TransactionValidator(ValidationPolicy.userIngress(CHAIN));

  @Test
  void devAccountsAreTheAddressesOfTheMnemonicKeys() {
    List<Address> derived = new ArrayList<>();
    for (int i = 0; i < DevKeys.KEYS.size(); i++) {
      derived.add(transfer(i, 0, Address.ZERO, BigInteger.ZERO).sender());
    }
    assertThat(derived).isEqualTo(DevAccounts.ADDRESSES).doesNotHaveDuplicates().hasSize(10);
    assertThat(DevAccounts.alloc().accounts())
        .hasSize(10)
        .allSatisfy(
            (address, allocation) -> {
              assertThat(allocation.balance().value())
                  .isEqualTo(new BigInteger("10000000000000000000000"));
              assertThat(allocation.nonce()).isZero();
            });
  }

  @Test
  void genesisHeaderIsDeterministicAndCommitsToTheGenesisState() {
    BlockHeader header = GENESIS.header();
    BlockHeader again = new Genesis(CONFIG, GENESIS_TIME, DevAccounts.alloc()).header();

    assertThat(again).isEqualTo(header);
    assertThat(again.hash()).isEqualTo(header.hash());
    assertThat(header.stateRoot()).isEqualTo(WorldState.genesis(DevAccounts.alloc()).stateRoot());
    assertThat(header.stateRoot()).isEqualTo(GENESIS.createState().stateRoot());
    assertThat(header.parentHash()).isEqualTo(Hash.ZERO);
    assertThat(header.number()).isZero();
    assertThat(header.gasUsed()).isZero();
    assertThat(header.gasLimit()).isEqualTo(100_000);
    assertThat(header.timestamp()).isEqualTo(GENESIS_TIME);
    assertThat(header.transactionsRoot()).isEqualTo(MerkleTrie.EMPTY_ROOT);
    assertThat(header.receiptsRoot()).isEqualTo(MerkleTrie.EMPTY_ROOT);
    assertThat(header.logsBloom()).isEqualTo(LogsBloom.EMPTY);
    assertThat(header.baseFeePerGas()).isEqualTo(Wei.of(GWEI));
    assertThat(GENESIS.block().transactions()).isEmpty();
    assertThat(Block.decode(GENESIS.block().encoded()).valueIfDecoded()).contains(GENESIS.block());
  }

  /**
   * Regression pins, computed by this code (not an outside oracle): a change to any genesis rule,
   * to the dev allocation or to the header encoding shows up here.
   */
  @Test
  void genesisRootAndHashArePinned() {
    assertThat(GENESIS.header().stateRoot())
        .isEqualTo(
            Hash.fromHex("0xe914d7e6a70676d0aecddd6b3e1110d78639f4e45a167334b8ba589316f48632"));
    assertThat(GENESIS.header().hash())
        .isEqualTo(
            Hash.fromHex("0x653e5c5d668b5f9c175f80a0e0e6d4947d417f16283aa8751b5540f244187ad3"));
  }

  @Test
  void genesisHashChangesWithItsInputs() {
    Hash hash = GENESIS.header().hash();
    assertThat(new Genesis(CONFIG, GENESIS_TIME + 1, DevAccounts.alloc()).header().hash())
        .isNotEqualTo(hash);
    assertThat(new Genesis(CONFIG, GENESIS_TIME, GenesisAlloc.of(Map.of())).header().hash())
        .isNotEqualTo(hash);
  }

  @Test
  void twoBlocksLinkAndFollowTheBaseFeeRules() {
    WorldState state = GENESIS.createState();
    BlockHeader genesis = GENESIS.header(state.stateRoot());
    BlockAssembler assembler = new BlockAssembler(CONFIG, state);
    SequentialExecutor executor = new SequentialExecutor();
    Address bob = DevAccounts.ADDRESSES.get(1);

    // Block 1: three transfers from account 0 use 63,000 gas, above the 50,000 target.
    BlockContext context1 = CONFIG.nextContext(genesis, GENESIS_TIME + 1, Wei.ZERO);
    assertThat(context1.number()).isEqualTo(1);
    assertThat(context1.baseFee()).isEqualTo(RULES.next(0, 100_000, Wei.of(GWEI)));
    List<VerifiedTransaction> txs1 =
        List.of(
            transfer(0, 0, bob, BigInteger.TEN),
            transfer(0, 1, bob, BigInteger.TEN),
            transfer(0, 2, bob, BigInteger.TEN));
    BlockExecution execution1 = executor.execute(context1, txs1, state.view());
    Block block1 = assembler.assemble(genesis, context1, execution1);

    assertThat(block1.header().parentHash()).isEqualTo(genesis.hash());
    assertThat(block1.number()).isEqualTo(1);
    assertThat(block1.header().gasUsed()).isEqualTo(63_000);
    assertThat(block1.header().stateRoot()).isEqualTo(state.stateRoot());
    assertThat(block1.header().beneficiary()).isEqualTo(FEE_RECIPIENT);
    assertThat(block1.header().baseFeePerGas()).isEqualTo(context1.baseFee());
    assertThat(block1.header().receiptsRoot())
        .isEqualTo(OrderedRoots.receiptsRoot(execution1.receipts()));
    assertThat(block1.transactionsRootMatches()).isTrue();
    assertThat(block1.transactions()).hasSize(3);
    assertThat(Block.decode(block1.encoded()).valueIfDecoded()).contains(block1);

    // Block 2, same timestamp (blocks are faster than a second): the base fee rises.
    BlockContext context2 = CONFIG.nextContext(block1.header(), GENESIS_TIME + 1, Wei.ZERO);
    Wei expectedFee2 = RULES.next(63_000, 100_000, context1.baseFee());
    assertThat(context2.baseFee()).isEqualTo(expectedFee2);
    assertThat(expectedFee2).isGreaterThan(context1.baseFee());
    BlockExecution execution2 =
        executor.execute(
            context2, List.of(transfer(1, 0, FEE_RECIPIENT, BigInteger.ONE)), state.view());
    Block block2 = assembler.assemble(block1.header(), context2, execution2);

    assertThat(block2.header().parentHash()).isEqualTo(block1.hash());
    assertThat(block2.number()).isEqualTo(2);
    assertThat(block2.header().baseFeePerGas()).isEqualTo(expectedFee2);
    assertThat(block2.header().stateRoot()).isEqualTo(state.stateRoot());
    assertThat(state.view().account(bob).nonce()).isEqualTo(1);
    assertThat(CONFIG.nextBaseFee(block2.header()))
        .isEqualTo(RULES.next(21_000, 100_000, expectedFee2));
  }

  @Test
  void anEmptyBlockKeepsTheStateRoot() {
    WorldState state = GENESIS.createState();
    BlockHeader genesis = GENESIS.header(state.stateRoot());
    BlockContext context = CONFIG.nextContext(genesis, GENESIS_TIME, Wei.ZERO);
    BlockExecution execution = new SequentialExecutor().execute(context, List.of(), state.view());

    Block block = new BlockAssembler(CONFIG, state).assemble(genesis, context, execution);

    assertThat(block.header().stateRoot()).isEqualTo(genesis.stateRoot());
    assertThat(block.header().transactionsRoot()).isEqualTo(MerkleTrie.EMPTY_ROOT);
    assertThat(block.header().receiptsRoot()).isEqualTo(MerkleTrie.EMPTY_ROOT);
  }

  @Test
  void theAssemblerRejectsAContextOrStateThatDoesNotFollowTheParent() {
    WorldState state = GENESIS.createState();
    BlockHeader genesis = GENESIS.header(state.stateRoot());
    BlockAssembler assembler = new BlockAssembler(CONFIG, state);
    BlockContext good = CONFIG.nextContext(genesis, GENESIS_TIME + 1, Wei.ZERO);
    BlockExecution empty = new SequentialExecutor().execute(good, List.of(), state.view());

    BlockContext wrongFee =
        new BlockContext(1, GENESIS_TIME + 1, FEE_RECIPIENT, Wei.of(GWEI), 100_000, CHAIN);
    assertThatThrownBy(() -> assembler.assemble(genesis, wrongFee, empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not follow the parent");
    BlockContext wrongNumber =
        new BlockContext(2, GENESIS_TIME + 1, FEE_RECIPIENT, good.baseFee(), 100_000, CHAIN);
    assertThatThrownBy(() -> assembler.assemble(genesis, wrongNumber, empty))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CONFIG.nextContext(genesis, GENESIS_TIME - 1, Wei.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the parent");

    Block block1 = assembler.assemble(genesis, good, empty);
    assertThat(block1.number()).isEqualTo(1);
    BlockExecution moved =
        new SequentialExecutor()
            .execute(good, List.of(transfer(0, 0, FEE_RECIPIENT, BigInteger.ONE)), state.view());
    new BlockAssembler(CONFIG, state).assemble(genesis, good, moved);
    // The state has moved past the genesis root: assembling on genesis again is a caller bug.
    assertThatThrownBy(() -> assembler.assemble(genesis, good, empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("world state at");
  }

  @Test
  void configRejectsAGasLimitWithoutTargetAndAnInitialFeeBelowTheFloor() {
    assertThatThrownBy(() -> new ChainConfig(CHAIN, 1, RULES, Wei.of(GWEI), FEE_RECIPIENT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChainConfig(CHAIN, 100_000, RULES, Wei.of(1), FEE_RECIPIENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("below the floor");
  }

  @Test
  void theNextContextCarriesTheBlocksL1BaseFeeAndTheChainsScalar() {
    ChainConfig scaled =
        new ChainConfig(CHAIN, 100_000, RULES, Wei.of(GWEI), FEE_RECIPIENT, 1_250_000);
    BlockHeader genesis = GENESIS.header(GENESIS.createState().stateRoot());

    BlockContext context = scaled.nextContext(genesis, GENESIS_TIME + 1, Wei.of(9 * GWEI));

    assertThat(context.l1BaseFee()).isEqualTo(Wei.of(9 * GWEI));
    assertThat(context.l1FeeScalar()).isEqualTo(1_250_000);
    assertThat(CONFIG.l1FeeScalar()).isEqualTo(L1DataFee.SCALAR_ONE);
    assertThatThrownBy(
            () ->
                scaled.nextContext(genesis, GENESIS_TIME + 1, Wei.of(BigInteger.ONE.shiftLeft(63))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("L1 base fee");
    assertThatThrownBy(
            () -> new ChainConfig(CHAIN, 100_000, RULES, Wei.of(GWEI), FEE_RECIPIENT, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scalar");
  }

  @Test
  void signedLegacyTransactionsRunToo() {
    WorldState state = GENESIS.createState();
    BlockHeader genesis = GENESIS.header(state.stateRoot());
    BlockContext context = CONFIG.nextContext(genesis, GENESIS_TIME + 1, Wei.ZERO);
    LegacyTransaction legacy =
        new LegacyTransaction(
            0,
            Wei.of(2 * GWEI),
            21_000,
            Optional.of(FEE_RECIPIENT),
            Wei.of(5),
            Bytes.EMPTY,
            Optional.of(CHAIN));
    VerifiedTransaction tx =
        ingress.verify(TransactionSigner.sign(legacy, DevKeys.KEYS.get(2)).encoded()).orElseThrow();

    BlockExecution execution = new SequentialExecutor().execute(context, List.of(tx), state.view());
    Block block = new BlockAssembler(CONFIG, state).assemble(genesis, context, execution);

    assertThat(block.transactions()).containsExactly(tx.transaction());
    assertThat(state.view().account(FEE_RECIPIENT).balance())
        .isEqualTo(Wei.of(BigInteger.valueOf(5 + 21_000 * 2 * GWEI)));
  }

  private VerifiedTransaction transfer(int key, long nonce, Address to, BigInteger value) {
    DynamicFeeTransaction payload =
        new DynamicFeeTransaction(
            CHAIN,
            nonce,
            Wei.of(GWEI),
            Wei.of(10 * GWEI),
            21_000,
            Optional.of(to),
            Wei.of(value),
            Bytes.EMPTY,
            List.of());
    return ingress
        .verify(TransactionSigner.sign(payload, DevKeys.KEYS.get(key)).encoded())
        .orElseThrow();
  }
}
