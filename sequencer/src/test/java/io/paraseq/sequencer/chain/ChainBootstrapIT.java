package io.paraseq.sequencer.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.chain.DevnetPrograms;
import io.paraseq.protocol.fee.L1DataFee;
import io.paraseq.protocol.program.Erc20Layout;
import io.paraseq.protocol.program.ProgramKind;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.config.ChainProperties;
import io.paraseq.sequencer.config.ChainProperties.GenesisAccount;
import io.paraseq.sequencer.config.ChainProperties.GenesisToken;
import io.paraseq.sequencer.store.ChainStore;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Start-up on real PostgreSQL with a configured allocation: the genesis holds the file's and the
 * inline accounts and the native programs (code hashes and storage in the rows), a restart with the
 * same settings continues (a large state logs its rebuild), and a restart with another or an
 * invalid allocation or other programs refuses to start.
 */
class ChainBootstrapIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);
  private static final String INLINE = "0x00000000000000000000000000000000000000bb";
  private static final String SLOT = "0x" + "0".repeat(63) + "1";

  @TempDir Path dir;

  @Test
  void theGenesisHoldsTheConfiguredAccountsAndIsFixedOnceStored() throws Exception {
    Path file = allocFile(3);
    ChainProperties settings =
        ChainProperties.withId(3195)
            .withAlloc(
                file.toString(),
                Map.of(INLINE, new GenesisAccount("0x2a", "4", Map.of(SLOT, SLOT), null)));
    try (PostgresFixture db = PostgresFixture.freshSchema().migrate()) {
      ChainStore store = new ChainStore(db.dataSource());
      JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
      ChainState created = new ChainBootstrap(settings, L1DataFee.SCALAR_ONE, store, CLOCK).start();
      assertThat(created.head().stateRoot()).isEqualTo(GenesisStateRoot.of(settings));
      assertThat(jdbc.queryForObject("SELECT count(*) FROM accounts", Integer.class))
          .isEqualTo(10 + 3 + 1 + 3); // and the devnet's three programs
      assertThat(ChainTables.balance(jdbc, sender(2))).contains(BigInteger.valueOf(1_000_002));
      assertThat(ChainTables.balance(jdbc, Address.fromHex(INLINE)))
          .contains(BigInteger.valueOf(42));
      assertThat(ChainTables.nonce(jdbc, Address.fromHex(INLINE))).isEqualTo(4);
      assertThat(
              jdbc.queryForObject(
                  "SELECT count(*) FROM storage WHERE address = ?",
                  Integer.class,
                  (Object) Address.fromHex(INLINE).bytes().toArray()))
          .isEqualTo(1);

      // Same allocation, other gas limit: starts, on the same genesis.
      ChainProperties otherGasLimit =
          new ChainProperties(
              3195,
              20_000_000,
              settings.baseFeeFloor(),
              settings.initialBaseFee(),
              settings.feeRecipient(),
              true,
              settings.genesisAllocFile(),
              settings.alloc(),
              null,
              List.of(),
              List.of());
      ChainState restarted =
          new ChainBootstrap(otherGasLimit, L1DataFee.SCALAR_ONE, store, CLOCK).start();
      assertThat(restarted.head()).isEqualTo(created.head());
      assertThat(restarted.worldState().stateRoot()).isEqualTo(created.head().stateRoot());

      assertRefusedAsOtherGenesis(
          store,
          settings.withAlloc(file.toString(), Map.of(INLINE, GenesisAccount.ofBalance("43"))));
      assertRefusedAsOtherGenesis(store, settings.withAlloc(file.toString(), Map.of()));
      assertRefusedAsOtherGenesis(store, settings.withDevAccounts(false));
      Files.writeString(file, Files.readString(file).replace("1000000", "1000001"));
      assertRefusedAsOtherGenesis(store, settings);
      Files.writeString(file, "{");
      assertThatThrownBy(
              () -> new ChainBootstrap(settings, L1DataFee.SCALAR_ONE, store, CLOCK).start())
          .isInstanceOf(GenesisAllocException.class)
          .hasMessageContaining("not valid JSON");
    }
  }

  @Test
  void programsArePartOfTheGenesisAndAreRebuiltOnRestart() throws Exception {
    String tokenC = "0x4200000000000000000000000000000000000102";
    ChainProperties settings =
        ChainProperties.withId(3195)
            .withPrograms(
                null,
                List.of(new GenesisToken(tokenC, "Token C", "TKC", 6, Map.of(INLINE, "1000"))),
                List.of());
    GenesisAlloc alloc = GenesisStateRoot.alloc(settings);
    try (PostgresFixture db = PostgresFixture.freshSchema().migrate()) {
      ChainStore store = new ChainStore(db.dataSource());
      JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
      ChainState created = new ChainBootstrap(settings, L1DataFee.SCALAR_ONE, store, CLOCK).start();
      assertThat(created.head().stateRoot()).isEqualTo(WorldState.genesis(alloc).stateRoot());

      // The rows hold each program's code hash and every storage slot of its layout.
      for (Address program :
          List.of(
              DevnetPrograms.TOKEN_A,
              DevnetPrograms.TOKEN_B,
              DevnetPrograms.PAIR,
              Address.fromHex(tokenC))) {
        Allocation expected = alloc.accounts().get(program);
        assertThat(
                jdbc.queryForObject(
                    "SELECT code_hash FROM accounts WHERE address = ?",
                    byte[].class,
                    (Object) program.bytes().toArray()))
            .isEqualTo(expected.codeHash().bytes().toArray());
        Map<Hash, Word> slots = new TreeMap<>();
        jdbc.query(
            "SELECT slot, value FROM storage WHERE address = ?",
            rs -> {
              slots.put(Hash.of(Bytes.of(rs.getBytes(1))), new Word(Bytes.of(rs.getBytes(2))));
            },
            (Object) program.bytes().toArray());
        assertThat(slots).isEqualTo(expected.storage()).isNotEmpty();
      }

      // A restart rebuilds the programs from the rows: same root, code hashes and slots.
      ChainState restarted =
          new ChainBootstrap(settings, L1DataFee.SCALAR_ONE, store, CLOCK).start();
      assertThat(restarted.worldState().stateRoot()).isEqualTo(created.head().stateRoot());
      StateView view = restarted.worldState().view();
      assertThat(view.account(DevnetPrograms.PAIR).codeHash())
          .isEqualTo(ProgramKind.AMM_PAIR.codeHash());
      assertThat(view.account(Address.fromHex(tokenC)).codeHash())
          .isEqualTo(ProgramKind.ERC20.codeHash());
      assertThat(
              view.storage(Address.fromHex(tokenC), Erc20Layout.balance(Address.fromHex(INLINE))))
          .isEqualTo(Word.of(1000));

      // Other program settings are another genesis.
      assertRefusedAsOtherGenesis(
          store, settings.withPrograms(false, settings.tokens(), List.of()));
      assertRefusedAsOtherGenesis(store, settings.withPrograms(null, List.of(), List.of()));
      assertRefusedAsOtherGenesis(
          store,
          settings.withPrograms(
              null,
              List.of(new GenesisToken(tokenC, "Token C", "TKC", 6, Map.of(INLINE, "1001"))),
              List.of()));
      assertRefusedAsOtherGenesis(
          store,
          settings.withPrograms(
              null,
              List.of(new GenesisToken(tokenC, "Token C", "TKC", 18, Map.of(INLINE, "1000"))),
              List.of()));
    }
  }

  @Test
  void aLargeStateLogsItsRebuild() throws Exception {
    int accounts = (int) ChainBootstrap.PROGRESS_THRESHOLD;
    ChainProperties settings =
        ChainProperties.withId(3195)
            .withDevAccounts(false)
            .withAlloc(allocFile(accounts).toString(), Map.of());
    Logger logger = (Logger) LoggerFactory.getLogger(RebuildProgressLog.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try (PostgresFixture db = PostgresFixture.freshSchema().migrate()) {
      ChainStore store = new ChainStore(db.dataSource());
      new ChainBootstrap(settings, L1DataFee.SCALAR_ONE, store, CLOCK).start();
      assertThat(lines.list).isEmpty(); // a genesis is built, not rebuilt
      new ChainBootstrap(settings, L1DataFee.SCALAR_ONE, store, CLOCK).start();
    } finally {
      logger.detachAppender(lines);
    }
    List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(messages.getFirst())
        .startsWith("state rebuild stage=LOAD accounts=" + accounts + " ");
    assertThat(messages)
        .contains(
            "state rebuild stage=STORAGE_TRIES done=0 total=" + accounts,
            "state rebuild stage=STORAGE_TRIES done=" + accounts + " total=" + accounts,
            "state rebuild stage=ACCOUNT_TRIE done=0 total=" + accounts,
            "state rebuild stage=ACCOUNT_TRIE done=" + accounts + " total=" + accounts);
    assertThat(messages).hasSizeBetween(5, 1 + 2 * 11);
  }

  private void assertRefusedAsOtherGenesis(ChainStore store, ChainProperties settings) {
    assertThatThrownBy(
            () -> new ChainBootstrap(settings, L1DataFee.SCALAR_ONE, store, CLOCK).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("but the configured genesis allocation (")
        .hasMessageContaining(GenesisAllocation.describe(settings))
        .hasMessageContaining("the genesis is fixed when the database is initialised");
  }

  /** An allocation file of {@code count} accounts; account i holds 1,000,000 + i wei. */
  private Path allocFile(int count) throws IOException {
    Path file = dir.resolve("alloc-" + count + ".json");
    Files.writeString(
        file,
        IntStream.range(0, count)
            .mapToObj(
                i ->
                    "\""
                        + sender(i).toLowerHex()
                        + "\": {\"balance\": \""
                        + (1_000_000 + i)
                        + "\"}")
            .collect(Collectors.joining(",\n", "{\n", "\n}\n")));
    return file;
  }

  private static Address sender(int i) {
    return Address.fromHex(String.format("0x%040x", 0x1000 + i));
  }
}
