package io.paraseq.sequencer.store;

import io.paraseq.protocol.block.Block;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.block.Log;
import io.paraseq.protocol.block.LogsBloom;
import io.paraseq.protocol.block.Receipt;
import io.paraseq.protocol.chain.BlockAssembler;
import io.paraseq.protocol.chain.DevAccounts;
import io.paraseq.protocol.chain.Genesis;
import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.ExecutedTransaction;
import io.paraseq.protocol.exec.SequentialExecutor;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.StateDiff;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.TransactionEncoder;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.TransactionValidator;
import io.paraseq.protocol.tx.UnsignedTransaction;
import io.paraseq.protocol.tx.ValidationPolicy;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.sequencer.chain.TestHeads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A chain written through {@link ChainStore} for the read-side tests: the genesis with the dev
 * accounts, then blocks of real transactions executed, sealed and persisted as the producer does.
 * Transfers emit no logs yet (no contracts, no native programs), so {@link #append(List, Map)} can
 * add logs to chosen receipts; the block's receipts root and bloom are computed from them, so the
 * stored block stays self-consistent.
 */
final class StoredChain {

  static final TransactionValidator VALIDATOR =
      new TransactionValidator(ValidationPolicy.userIngress(TestHeads.CONFIG.chainId()));
  static final long GENESIS_TIME = 1_700_000_000L;

  /** Every block's L1 base fee: its transactions pay an L1 data fee. */
  static final Wei L1_BASE_FEE = Wei.of(3_000_000_000L);

  private final ChainStore store;
  private final WorldState state;
  private final List<Block> blocks = new ArrayList<>();

  /** Writes the genesis into the (empty, migrated) schema behind {@code dataSource}. */
  StoredChain(DataSource dataSource) {
    store = new ChainStore(dataSource);
    Genesis genesis = new Genesis(TestHeads.CONFIG, GENESIS_TIME, DevAccounts.alloc());
    state = genesis.createState();
    BlockHeader header = genesis.header(state.stateRoot());
    StateDiff.Builder diff = StateDiff.builder();
    genesis
        .alloc()
        .accounts()
        .forEach((a, alloc) -> diff.setAccount(a, Account.of(alloc.nonce(), alloc.balance())));
    Block block = new Block(header, List.of());
    store.initialize(
        new ChainInfo(TestHeads.CONFIG.chainId().value(), header.hash()),
        SealedBlock.of(block, List.of(), diff.build(), state.view(), List.of(), Wei.ZERO));
    blocks.add(block);
  }

  /** Dev account {@code index} signs {@code tx}; verified as ingress does. */
  static VerifiedTransaction signed(int index, UnsignedTransaction tx) {
    String hex = io.paraseq.contracts.testing.DevAccounts.PRIVATE_KEYS.get(index);
    PrivateKey key = PrivateKey.of(Bytes.fromHex(hex).toArray()).orElseThrow();
    Bytes raw = TransactionEncoder.encode(TransactionSigner.sign(tx, key));
    return VALIDATOR.verify(raw).orElseThrow();
  }

  /** Executes, seals and persists a block of {@code txs} one second after the head. */
  SealedBlock append(List<VerifiedTransaction> txs) {
    return append(txs, Map.of());
  }

  /**
   * As {@link #append(List)}, with {@code logs} added to the receipts of the included transactions
   * at the given indexes.
   */
  SealedBlock append(List<VerifiedTransaction> txs, Map<Integer, List<Log>> logs) {
    BlockHeader parent = head().header();
    BlockContext context =
        TestHeads.CONFIG.nextContext(parent, parent.timestamp() + 1, L1_BASE_FEE);
    BlockExecution executed = new SequentialExecutor().execute(context, txs, state.view());
    if (executed.included().size() != txs.size()) {
      throw new IllegalStateException("skipped: " + executed.skipped());
    }
    BlockExecution withLogs = withLogs(executed, logs);
    Block block = new BlockAssembler(TestHeads.CONFIG, state).assemble(parent, context, withLogs);
    SealedBlock sealed =
        SealedBlock.of(
            block,
            withLogs.included(),
            withLogs.diff(),
            state.view(),
            txs.stream().map(VerifiedTransaction::hash).toList(),
            L1_BASE_FEE);
    store.persist(sealed);
    blocks.add(block);
    return sealed;
  }

  /** The latest block. */
  Block head() {
    return blocks.getLast();
  }

  /** Block {@code number}. */
  Block block(int number) {
    return blocks.get(number);
  }

  private static BlockExecution withLogs(BlockExecution execution, Map<Integer, List<Log>> logs) {
    List<ExecutedTransaction> included = new ArrayList<>();
    LogsBloom bloom = LogsBloom.EMPTY;
    for (int i = 0; i < execution.included().size(); i++) {
      ExecutedTransaction tx = execution.included().get(i);
      Receipt r = tx.receipt();
      Receipt receipt =
          Receipt.of(r.type(), r.status(), r.cumulativeGasUsed(), logs.getOrDefault(i, r.logs()));
      bloom = bloom.or(receipt.logsBloom());
      included.add(
          new ExecutedTransaction(
              tx.transaction(), receipt, tx.gasUsed(), tx.effectiveGasPrice(), tx.l1Fee()));
    }
    return new BlockExecution(
        included, execution.skipped(), execution.diff(), execution.gasUsed(), bloom);
  }
}
