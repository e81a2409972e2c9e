package io.paraseq.sequencer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.block.BaseFeeRules;
import io.paraseq.protocol.block.Block;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.chain.BlockAssembler;
import io.paraseq.protocol.chain.ChainConfig;
import io.paraseq.protocol.chain.Genesis;
import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.SequentialExecutor;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.StateDiff;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.TransactionResult;
import io.paraseq.protocol.tx.TransactionValidator;
import io.paraseq.protocol.tx.ValidationPolicy;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/**
 * {@link ChainStore} on real PostgreSQL: a block is written in one transaction, so a persist that
 * fails at any statement leaves nothing of the block behind.
 */
class ChainStoreIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema().migrate();

  private static final Wei L1_BASE_FEE = Wei.of(7_000_000_000L);
  private static final ChainConfig CONFIG =
      new ChainConfig(
          ChainId.of(3195),
          30_000_000,
          BaseFeeRules.withFloor(Wei.of(10_000_000)),
          Wei.of(1_000_000_000),
          Address.fromHex("0x4200000000000000000000000000000000000011"));

  private final ChainStore store = new ChainStore(db.dataSource());
  private final JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
  private WorldState state;
  private BlockHeader genesis;

  @BeforeEach
  void genesis() {
    jdbc.execute(
        "TRUNCATE chain_info, blocks, transactions, logs, accounts, storage, pool_transactions");
    Genesis g = new Genesis(CONFIG, 1_700_000_000L, io.paraseq.protocol.chain.DevAccounts.alloc());
    state = g.createState();
    genesis = g.header(state.stateRoot());
    StateDiff.Builder diff = StateDiff.builder();
    g.alloc()
        .accounts()
        .forEach((a, alloc) -> diff.setAccount(a, Account.of(alloc.nonce(), alloc.balance())));
    store.initialize(
        new ChainInfo(3195, genesis.hash()),
        SealedBlock.of(
            new Block(genesis, List.of()),
            List.of(),
            diff.build(),
            state.view(),
            List.of(),
            Wei.ZERO));
  }

  @Test
  void genesisRoundTrips() {
    assertThat(store.chainInfo()).contains(new ChainInfo(3195, genesis.hash()));
    assertThat(store.head()).contains(genesis);
    StoredState rows = store.loadState();
    assertThat(rows.accounts()).hasSize(10);
    assertThat(
            WorldState.fromFlat(
                    rows.accounts(),
                    rows.storage(),
                    io.paraseq.protocol.trie.ParallelHashing.sequential(),
                    io.paraseq.protocol.state.RebuildProgress.none())
                .stateRoot())
        .isEqualTo(genesis.stateRoot());
  }

  @Test
  void aPersistThatFailsLateLeavesNothingBehind() {
    SealedBlock block = blockOne();
    insertPoolRow(block);
    // The same block, but one account row breaks a check: the failure comes after the block,
    // transaction and receipt rows were written in the same transaction.
    Map<Address, Optional<Account>> broken = new HashMap<>(block.accounts());
    Address first = broken.keySet().iterator().next();
    broken.put(first, Optional.of(Account.of(-1, Wei.ZERO)));
    SealedBlock bad =
        new SealedBlock(
            block.block(),
            block.included(),
            block.diff(),
            broken,
            block.poolDeletes(),
            block.l1BaseFee());

    assertThatThrownBy(() -> store.persist(bad)).isInstanceOf(ChainStoreException.class);

    assertNothingOfBlockOne();
    store.persist(block);
    assertThat(store.head()).contains(block.block().header());
    assertThat(count("transactions")).isEqualTo(1);
    // the block keeps its L1 base fee, the transaction row the L1 data fee charged from it
    Wei l1Fee = block.included().getFirst().l1Fee();
    assertThat(l1Fee.value()).isPositive();
    assertThat(jdbc.queryForObject("SELECT l1_base_fee FROM blocks WHERE number = 1", Long.class))
        .isEqualTo(L1_BASE_FEE.value().longValueExact());
    assertThat(jdbc.queryForObject("SELECT l1_fee FROM transactions", java.math.BigDecimal.class))
        .isEqualByComparingTo(new java.math.BigDecimal(l1Fee.value()));
    assertThat(count("pool_transactions")).isZero();
  }

  @Test
  void aDuplicateBlockNumberLeavesNothingBehind() {
    SealedBlock block = blockOne();
    store.persist(block);
    Map<String, Long> before = counts();
    // A different block 1 (another timestamp, so another hash).
    SealedBlock again =
        new SealedBlock(
            new Block(
                withTimestamp(block.block().header(), block.block().header().timestamp() + 1),
                List.of()),
            List.of(),
            StateDiff.EMPTY,
            Map.of(),
            List.of(),
            Wei.ZERO);

    assertThatThrownBy(() -> store.persist(again)).isInstanceOf(ChainStoreException.class);

    assertThat(counts()).isEqualTo(before);
    assertThat(store.head()).contains(block.block().header());
  }

  @Test
  void knowingTheStateBeforeInsertsNewAccountsAndUpdatesTheOthers() {
    StateView before = state.view();
    SealedBlock block = blockOne();

    store.persist(block, before);

    assertAccountRowsMatchTheWorldState(block);
  }

  /** A state before that lacks existing accounts: the inserts fail, the block is upserted. */
  @Test
  void aStateBeforeMissingAccountsStillWritesTheRightRows() {
    SealedBlock block = blockOne();
    insertPoolRow(block);

    store.persist(block, WorldState.empty().view());

    assertAccountRowsMatchTheWorldState(block);
    assertThat(count("transactions")).isEqualTo(1);
    assertThat(count("pool_transactions")).isZero();
  }

  /** A state before that already holds the new accounts: the updates miss them, then upsert. */
  @Test
  void aStateBeforeWithExtraAccountsStillWritesTheRightRows() {
    SealedBlock block = blockOne();

    store.persist(block, state.view());

    assertAccountRowsMatchTheWorldState(block);
  }

  private void assertAccountRowsMatchTheWorldState(SealedBlock block) {
    assertThat(store.head()).contains(block.block().header());
    StoredState rows = store.loadState();
    block
        .accounts()
        .forEach(
            (address, account) ->
                assertThat(rows.accounts().get(address)).isEqualTo(account.orElse(null)));
    assertThat(
            WorldState.fromFlat(
                    rows.accounts(),
                    rows.storage(),
                    io.paraseq.protocol.trie.ParallelHashing.sequential(),
                    io.paraseq.protocol.state.RebuildProgress.none())
                .stateRoot())
        .isEqualTo(block.block().header().stateRoot());
  }

  @Test
  void stateRowsFollowTheWorldStateThroughSlotWritesDeletesAndAccountDeletion() {
    Address program = Address.fromHex("0x00000000000000000000000000000000000000c1");
    Address doomed = Address.fromHex("0x00000000000000000000000000000000000000c2");
    Hash one = Hash.of(Bytes.of(Word.of(1).bytes().toArray()));
    Hash two = Hash.of(Bytes.of(Word.of(2).bytes().toArray()));
    Hash three = Hash.of(Bytes.of(Word.of(3).bytes().toArray()));
    BlockHeader parent =
        persistDiff(
            genesis,
            StateDiff.builder()
                .setAccount(program, Account.of(1, Wei.of(5)))
                .setStorage(program, one, Word.of(11))
                .setStorage(program, two, Word.of(22))
                .setAccount(doomed, Account.of(0, Wei.of(7)))
                .setStorage(doomed, one, Word.of(33))
                .build());
    assertThat(count("storage")).isEqualTo(3);

    persistDiff(
        parent,
        StateDiff.builder()
            .setStorage(program, one, Word.ZERO)
            .setStorage(program, two, Word.of(23))
            .setStorage(program, three, Word.of(44))
            .deleteAccount(doomed)
            .build());

    StoredState rows = store.loadState();
    assertThat(rows.accounts()).containsKey(program).doesNotContainKey(doomed);
    assertThat(rows.storage()).containsOnlyKeys(program);
    assertThat(rows.storage().get(program))
        .containsExactlyInAnyOrderEntriesOf(Map.of(two, Word.of(23), three, Word.of(44)));
    assertThat(
            WorldState.fromFlat(
                    rows.accounts(),
                    rows.storage(),
                    io.paraseq.protocol.trie.ParallelHashing.sequential(),
                    io.paraseq.protocol.state.RebuildProgress.none())
                .stateRoot())
        .isEqualTo(state.stateRoot());
  }

  /** Applies {@code diff} to the world state and persists it as an empty block after parent. */
  private BlockHeader persistDiff(BlockHeader parent, StateDiff diff) {
    state.apply(diff);
    BlockHeader header =
        BlockHeader.paraseq(
            parent.hash(),
            parent.beneficiary(),
            state.stateRoot(),
            parent.transactionsRoot(),
            parent.receiptsRoot(),
            parent.logsBloom(),
            parent.number() + 1,
            parent.gasLimit(),
            0,
            parent.timestamp() + 1,
            parent.extraData(),
            parent.mixHash(),
            parent.baseFeePerGas());
    store.persist(
        SealedBlock.of(
            new Block(header, List.of()), List.of(), diff, state.view(), List.of(), Wei.ZERO));
    return header;
  }

  private void assertNothingOfBlockOne() {
    assertThat(count("blocks")).isEqualTo(1);
    assertThat(count("transactions")).isZero();
    assertThat(count("pool_transactions")).isEqualTo(1);
    assertThat(store.head()).contains(genesis);
    StoredState rows = store.loadState();
    rows.accounts()
        .values()
        .forEach(
            a ->
                assertThat(a)
                    .isEqualTo(Account.of(0, io.paraseq.protocol.chain.DevAccounts.BALANCE)));
  }

  private SealedBlock blockOne() {
    RawTransaction raw =
        RawTransaction.createEtherTransaction(
            3195,
            BigInteger.ZERO,
            BigInteger.valueOf(21_000),
            "0x00000000000000000000000000000000000000aa",
            BigInteger.TEN,
            BigInteger.TEN.pow(9),
            BigInteger.TEN.pow(9).shiftLeft(1));
    byte[] signed = TransactionEncoder.signMessage(raw, DevAccounts.credentials(0));
    TransactionResult<VerifiedTransaction> verified =
        new TransactionValidator(ValidationPolicy.userIngress(ChainId.of(3195)))
            .verify(Bytes.of(signed));
    VerifiedTransaction tx = ((TransactionResult.Valid<VerifiedTransaction>) verified).value();
    BlockContext context = CONFIG.nextContext(genesis, genesis.timestamp() + 1, L1_BASE_FEE);
    BlockExecution execution = new SequentialExecutor().execute(context, List.of(tx), state.view());
    Block block = new BlockAssembler(CONFIG, state).assemble(genesis, context, execution);
    assertThat(execution.included()).hasSize(1);
    return SealedBlock.of(
        block,
        execution.included(),
        execution.diff(),
        state.view(),
        List.of(tx.hash()),
        L1_BASE_FEE);
  }

  private void insertPoolRow(SealedBlock block) {
    VerifiedTransaction tx = block.included().getFirst().transaction();
    jdbc.update(
        "INSERT INTO pool_transactions (hash, sender, raw) VALUES (?, ?, ?)",
        tx.hash().bytes().toArray(),
        tx.sender().bytes().toArray(),
        tx.encoded().toArray());
  }

  private static BlockHeader withTimestamp(BlockHeader h, long timestamp) {
    return BlockHeader.paraseq(
        h.parentHash(),
        h.beneficiary(),
        h.stateRoot(),
        h.transactionsRoot(),
        h.receiptsRoot(),
        h.logsBloom(),
        h.number(),
        h.gasLimit(),
        h.gasUsed(),
        timestamp,
        h.extraData(),
        h.mixHash(),
        h.baseFeePerGas());
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new HashMap<>();
    for (String table :
        List.of("blocks", "transactions", "logs", "accounts", "storage", "chain_info")) {
      counts.put(table, count(table));
    }
    return counts;
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }
}
