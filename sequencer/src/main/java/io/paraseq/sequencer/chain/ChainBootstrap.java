package io.paraseq.sequencer.chain;

import io.paraseq.protocol.block.BaseFeeRules;
import io.paraseq.protocol.block.Block;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.chain.ChainConfig;
import io.paraseq.protocol.chain.Genesis;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.StateDiff;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.trie.ParallelHashing;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.config.ChainProperties;
import io.paraseq.sequencer.store.ChainInfo;
import io.paraseq.sequencer.store.ChainStore;
import io.paraseq.sequencer.store.SealedBlock;
import io.paraseq.sequencer.store.StoredState;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up of the chain, after Flyway and before the pool restore and the block producer. The
 * genesis allocation is built from the settings ({@link GenesisStateRoot}) at every start, so an
 * invalid one always stops the node. An empty database gets the genesis (block 0, its state rows
 * and the {@code chain_info} row) in one transaction; otherwise the stored genesis must be the
 * configured one, and the world state is rebuilt from the flat rows and its root checked against
 * the head header. A database of another chain or another genesis, or a state that does not match
 * its head, stops the node with a message saying so. Runs once, on the start-up thread.
 */
final class ChainBootstrap {

  private static final Logger log = LoggerFactory.getLogger(ChainBootstrap.class);

  /** States with fewer accounts are rebuilt without progress lines. */
  static final long PROGRESS_THRESHOLD = 10_000;

  private final ChainProperties properties;
  private final long l1FeeScalar;
  private final ChainStore store;
  private final Clock clock;

  /**
   * Start-up from the chain settings; {@code l1FeeScalar} is {@code paraseq.l1-fee.scalar}, the
   * chain's L1 data fee scalar in parts per million.
   */
  ChainBootstrap(ChainProperties properties, long l1FeeScalar, ChainStore store, Clock clock) {
    this.properties = Objects.requireNonNull(properties, "properties");
    this.l1FeeScalar = l1FeeScalar;
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The chain's parameters from configuration. */
  ChainConfig config() {
    return new ChainConfig(
        ChainId.of(properties.id()),
        properties.gasLimit(),
        BaseFeeRules.withFloor(Wei.of(properties.baseFeeFloor())),
        Wei.of(properties.initialBaseFee()),
        properties.feeRecipientAddress(),
        l1FeeScalar);
  }

  /** Creates the genesis or rebuilds the state; returns the chain at its head. */
  ChainState start() {
    ChainConfig config = config();
    GenesisAlloc alloc = GenesisStateRoot.alloc(properties);
    Optional<ChainInfo> info = store.chainInfo();
    if (info.isEmpty()) {
      if (store.head().isPresent()) {
        throw new IllegalStateException(
            "the database holds blocks but no chain_info row; refusing to start on it");
      }
      return createGenesis(config, alloc);
    }
    if (info.get().chainId() != properties.id()) {
      throw new IllegalStateException(
          "the database belongs to chain "
              + info.get().chainId()
              + " (genesis "
              + info.get().genesisHash()
              + "), but paraseq.chain.id is "
              + properties.id()
              + "; refusing to start on another chain's database");
    }
    checkGenesis(info.get(), alloc);
    return rebuild(config, info.get());
  }

  /**
   * The stored block 0 must be the one {@code chain_info} names, and its state root the configured
   * allocation's. Only the allocation is compared: the gas limit and the fee settings may change
   * between starts (they shape later blocks), and the genesis timestamp was the clock's.
   */
  private void checkGenesis(ChainInfo info, GenesisAlloc alloc) {
    BlockHeader stored =
        store
            .genesisHeader()
            .orElseThrow(() -> new IllegalStateException("chain_info exists but block 0 does not"));
    if (!stored.hash().equals(info.genesisHash())) {
      throw new IllegalStateException(
          "block 0 has hash "
              + stored.hash()
              + " but chain_info names genesis "
              + info.genesisHash()
              + "; refusing to start on an inconsistent database");
    }
    Hash configured = WorldState.genesis(alloc).stateRoot();
    if (!configured.equals(stored.stateRoot())) {
      throw new IllegalStateException(
          "the database's genesis "
              + stored.hash()
              + " has state root "
              + stored.stateRoot()
              + ", but the configured genesis allocation ("
              + GenesisAllocation.describe(properties)
              + ") has state root "
              + configured
              + "; the genesis is fixed when the database is initialised: start with the"
              + " allocation it was created with, or on an empty schema");
    }
  }

  private ChainState createGenesis(ChainConfig config, GenesisAlloc alloc) {
    Genesis genesis = new Genesis(config, clock.instant().getEpochSecond(), alloc);
    WorldState state = genesis.createState();
    BlockHeader header = genesis.header(state.stateRoot());
    StateDiff.Builder diff = StateDiff.builder();
    alloc
        .accounts()
        .forEach(
            (address, allocation) -> {
              diff.setAccount(
                  address,
                  new Account(
                      allocation.nonce(),
                      allocation.balance(),
                      MerkleTrie.EMPTY_ROOT,
                      allocation.codeHash()));
              allocation.storage().forEach((slot, value) -> diff.setStorage(address, slot, value));
            });
    SealedBlock block =
        SealedBlock.of(
            new Block(header, List.of()),
            List.of(),
            diff.build(),
            state.view(),
            List.of(),
            Wei.ZERO);
    store.initialize(new ChainInfo(properties.id(), header.hash()), block);
    log.info(
        "genesis chain_id={} hash={} state_root={} accounts={} base_fee={} gas_limit={}",
        properties.id(),
        header.hash(),
        header.stateRoot(),
        alloc.accounts().size(),
        header.baseFeePerGas(),
        Long.toUnsignedString(header.gasLimit()));
    return new ChainState(config, state, header);
  }

  private ChainState rebuild(ChainConfig config, ChainInfo info) {
    long started = System.nanoTime();
    BlockHeader head =
        store
            .head()
            .orElseThrow(
                () -> new IllegalStateException("chain_info exists but the blocks table is empty"));
    StoredState rows = store.loadState();
    RebuildProgressLog progress = new RebuildProgressLog(PROGRESS_THRESHOLD);
    progress.loaded(rows.accounts().size(), rows.storage().size(), started);
    WorldState state =
        WorldState.fromFlat(
            rows.accounts(), rows.storage(), ParallelHashing.sequential(), progress);
    if (!state.stateRoot().equals(head.stateRoot())) {
      throw new IllegalStateException(
          "the state rebuilt from the accounts and storage tables has root "
              + state.stateRoot()
              + " but head block "
              + head.number()
              + " has state root "
              + head.stateRoot()
              + "; refusing to start on an inconsistent database");
    }
    log.info(
        "chain loaded chain_id={} genesis={} head={} hash={} accounts={} ms={}",
        info.chainId(),
        info.genesisHash(),
        head.number(),
        head.hash(),
        rows.accounts().size(),
        (System.nanoTime() - started) / 1_000_000);
    return new ChainState(config, state, head);
  }
}
