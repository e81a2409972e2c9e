package io.paraseq.sequencer.chain;

import io.paraseq.protocol.block.BaseFeeRules;
import io.paraseq.protocol.block.Block;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.chain.ChainConfig;
import io.paraseq.protocol.chain.Genesis;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.RebuildProgress;
import io.paraseq.protocol.state.StateDiff;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.trie.ParallelHashing;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.Wei;
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
 * Start-up of the chain, after Flyway and before the pool restore and the block producer. An empty
 * database gets the genesis (block 0, its state rows and the {@code chain_info} row) in one
 * transaction; otherwise the world state is rebuilt from the flat rows and its root checked against
 * the head header. A database of another chain, or a state that does not match its head, stops the
 * node with a message saying so. Runs once, on the start-up thread.
 */
final class ChainBootstrap {

  private static final Logger log = LoggerFactory.getLogger(ChainBootstrap.class);

  /** States with fewer accounts are rebuilt without progress lines. */
  private static final long PROGRESS_THRESHOLD = 10_000;

  private final ChainProperties properties;
  private final ChainStore store;
  private final Clock clock;

  ChainBootstrap(ChainProperties properties, ChainStore store, Clock clock) {
    this.properties = Objects.requireNonNull(properties, "properties");
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
        properties.feeRecipientAddress());
  }

  /** Creates the genesis or rebuilds the state; returns the chain at its head. */
  ChainState start() {
    ChainConfig config = config();
    Optional<ChainInfo> info = store.chainInfo();
    if (info.isEmpty()) {
      if (store.head().isPresent()) {
        throw new IllegalStateException(
            "the database holds blocks but no chain_info row; refusing to start on it");
      }
      return createGenesis(config);
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
    return rebuild(config, info.get());
  }

  private ChainState createGenesis(ChainConfig config) {
    GenesisAlloc alloc = GenesisStateRoot.alloc(properties.devAccounts());
    Genesis genesis = new Genesis(config, clock.instant().getEpochSecond(), alloc);
    WorldState state = genesis.createState();
    BlockHeader header = genesis.header(state.stateRoot());
    StateDiff.Builder diff = StateDiff.builder();
    alloc
        .accounts()
        .forEach(
            (address, allocation) -> {
              diff.setAccount(address, Account.of(allocation.nonce(), allocation.balance()));
              allocation.storage().forEach((slot, value) -> diff.setStorage(address, slot, value));
            });
    SealedBlock block =
        SealedBlock.of(
            new Block(header, List.of()), List.of(), diff.build(), state.view(), List.of());
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
    WorldState state =
        WorldState.fromFlat(
            rows.accounts(), rows.storage(), ParallelHashing.sequential(), new ProgressLog());
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

  /** Logs a rebuild of a large state about every 10 %. */
  private static final class ProgressLog implements RebuildProgress {

    private int lastDecile = -1;
    private Stage lastStage;

    @Override
    public void progress(Stage stage, long done, long total) {
      if (total < PROGRESS_THRESHOLD) {
        return;
      }
      if (stage != lastStage) {
        lastStage = stage;
        lastDecile = -1;
      }
      int decile = (int) (done * 10 / total);
      if (decile > lastDecile) {
        lastDecile = decile;
        log.info("state rebuild stage={} done={} total={}", stage, done, total);
      }
    }
  }
}
