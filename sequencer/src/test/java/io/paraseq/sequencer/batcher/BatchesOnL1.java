package io.paraseq.sequencer.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.l1.RollupView;
import io.paraseq.batcher.l1.RollupView.RollupState;
import io.paraseq.batcher.l1.Web3jL1Client;
import io.paraseq.batcher.post.L1Batches;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.protocol.batch.AddressRegistry;
import io.paraseq.protocol.batch.BatchBlock;
import io.paraseq.protocol.batch.BatchDecoder;
import io.paraseq.protocol.batch.BatchVersion;
import io.paraseq.protocol.batch.DecodedBatch;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The one check that every L2 block of a node ended up in exactly one batch on L1, read from L1
 * alone and compared with the node's rows: the {@code BatchAppended} events have the seqs 0..n-1 in
 * order (none repeated, none missing) and distinct L1 transactions; each event's {@code
 * appendBatch} calldata covers the blocks right after the previous batch's (from block 1), links
 * from the previous batch's root (from the genesis root), ends at the node's state root of its last
 * block, and decodes (in seq order, each against the address registry the batches before it built,
 * as a verifier does) to exactly the node's blocks (numbers, timestamps, raw transactions in
 * order); the node's stored address registry is the one rebuilt from L1; the contract's {@code
 * nextSeq}, {@code nextBlock} and {@code lastStateRoot} are those of the last event; and the node's
 * {@code batches} table has one confirmed row per event with the same blocks, root and L1
 * transaction.
 *
 * <p>Call it once the node's batcher has stopped posting (its batches are all confirmed and no
 * block is being sealed), or the node may have moved on between two reads.
 */
final class BatchesOnL1 {

  private BatchesOnL1() {}

  /**
   * What was checked.
   *
   * @param batches the number of batches on L1
   * @param lastBlock the last L2 block on L1 (0 with no batch)
   * @param transactions the hashes of the raw transactions of all posted blocks
   */
  record Posted(int batches, long lastBlock, Set<Hash> transactions) {}

  /**
   * Asserts that the blocks 1..k of the node (k the contract's {@code nextBlock - 1}) are each in
   * exactly one batch on {@code rollup}, and returns what is there.
   *
   * @param l1 a client of the L1 node
   * @param rollup the Rollup contract
   * @param node the node's database (its {@code blocks}, {@code transactions}, {@code batches})
   * @param chain the L2 chain id (to decode the batches)
   * @param genesisRoot the node's genesis state root
   */
  static Posted assertEveryBlockInExactlyOneBatch(
      Web3j l1, Address rollup, JdbcTemplate node, ChainId chain, Hash genesisRoot) {
    RollupState state = new RollupView(new Web3jL1Client(l1), rollup).state();
    List<L1Batches.Appended> events = L1Batches.appended(l1, rollup);
    assertThat(events)
        .as("one BatchAppended per seq, in order")
        .extracting(L1Batches.Appended::seq)
        .containsExactlyElementsOf(LongStream.range(0, events.size()).boxed().toList());
    assertThat(events)
        .as("each batch in its own L1 transaction")
        .extracting(L1Batches.Appended::txHash)
        .doesNotHaveDuplicates();

    Hash prevRoot = genesisRoot;
    long nextBlock = 1;
    Set<Hash> transactions = new HashSet<>();
    AddressRegistry registry = AddressRegistry.empty();
    for (L1Batches.Appended event : events) {
      L1Batches.PostedBatch posted = L1Batches.posted(l1, event.txHash());
      String batch = "batch " + event.seq();
      assertThat(posted.seq()).as(batch).isEqualTo(event.seq());
      assertThat(posted.prevStateRoot()).as(batch + " links").isEqualTo(prevRoot);
      assertThat(event.prevStateRoot()).as(batch + " event links").isEqualTo(prevRoot);
      assertThat(posted.firstBlock()).as(batch + " follows the previous").isEqualTo(nextBlock);
      assertThat(posted.newStateRoot())
          .as(batch + " root is the node's at block " + posted.lastBlock())
          .isEqualTo(stateRoot(node, posted.lastBlock()))
          .isEqualTo(event.newStateRoot());
      DecodedBatch decoded = BatchDecoder.decode(posted.data(), chain, registry).orElseThrow();
      assertThat(decoded.version()).as(batch + " format").isEqualTo(BatchVersion.V2);
      registry.append(decoded.registryAppends());
      assertThat(decoded.blocks())
          .as(batch + " block count")
          .hasSize((int) (posted.lastBlock() - posted.firstBlock() + 1));
      for (BatchBlock block : decoded.blocks()) {
        assertThat(block.number()).as(batch).isEqualTo(nextBlock);
        assertThat(block.timestamp())
            .as("timestamp of block " + nextBlock)
            .isEqualTo(
                node.queryForObject(
                    "SELECT timestamp FROM blocks WHERE number = ?", Long.class, nextBlock));
        assertThat(block.transactions())
            .as("transactions of block " + nextBlock)
            .isEqualTo(raws(node, nextBlock));
        block.transactions().forEach(raw -> transactions.add(Hash.keccak(raw)));
        nextBlock++;
      }
      assertStoredRow(node, event, posted);
      prevRoot = posted.newStateRoot();
    }

    long lastBlock = nextBlock - 1;
    assertThat(state.nextSeq()).as("Rollup.nextSeq").isEqualTo(events.size());
    assertThat(state.nextBlock()).as("Rollup.nextBlock").isEqualTo(nextBlock);
    assertThat(state.lastStateRoot())
        .as("Rollup.lastStateRoot")
        .isEqualTo(lastBlock == 0 ? genesisRoot : stateRoot(node, lastBlock));
    assertThat(node.queryForObject("SELECT count(*) FROM batches", Integer.class))
        .as("the node's batch rows")
        .isEqualTo(events.size());
    assertThat(storedRegistry(node))
        .as("the node's address registry is the one rebuilt from L1")
        .isEqualTo(registry.entriesFrom(0));
    return new Posted(events.size(), lastBlock, transactions);
  }

  /**
   * Whether every batch row of the node is confirmed and one ends at {@code lastBlock}, read in one
   * statement: two reads could see the next batch built between them and call it confirmed.
   */
  static boolean allConfirmedUpTo(JdbcTemplate node, long lastBlock) {
    return Boolean.TRUE.equals(
        node.queryForObject(
            "SELECT count(*) FILTER (WHERE status <> 'confirmed') = 0"
                + " AND count(*) FILTER (WHERE last_block = ?) = 1 FROM batches",
            Boolean.class,
            lastBlock));
  }

  /** The addresses of a schema's {@code address_registry}, by index. */
  static List<Address> storedRegistry(JdbcTemplate schema) {
    return schema.query(
        "SELECT address FROM address_registry ORDER BY idx",
        (rs, i) -> Address.of(Bytes.of(rs.getBytes(1))));
  }

  /** The number of the node's rows {@code fromWhere} ("table WHERE condition") selects. */
  static int count(JdbcTemplate node, String fromWhere) {
    return node.queryForObject("SELECT count(*) FROM " + fromWhere, Integer.class);
  }

  /** The node's highest stored block. */
  /** The node's status row of batch {@code seq} ({@code none} before it is built). */
  static String status(JdbcTemplate node, long seq) {
    List<String> status =
        node.queryForList("SELECT status FROM batches WHERE seq = ?", String.class, seq);
    return status.isEmpty() ? "none" : status.getFirst();
  }

  static long head(JdbcTemplate node) {
    return node.queryForObject("SELECT coalesce(max(number), 0) FROM blocks", Long.class);
  }

  /** The L1 nonce of dev account {@code poster}: how many L1 transactions it has sent. */
  static long posterNonce(AnvilFixture anvil, int poster) throws IOException {
    return anvil
        .web3j()
        .ethGetTransactionCount(
            anvil.credentials(poster).getAddress(), DefaultBlockParameterName.LATEST)
        .send()
        .getTransactionCount()
        .longValueExact();
  }

  private static void assertStoredRow(
      JdbcTemplate node, L1Batches.Appended event, L1Batches.PostedBatch posted) {
    List<List<String>> row =
        node.query(
            "SELECT status, first_block, last_block, '0x' || encode(new_state_root, 'hex'),"
                + " '0x' || encode(l1_tx_hash, 'hex') FROM batches WHERE seq = ?",
            (rs, i) ->
                List.of(
                    rs.getString(1),
                    Long.toString(rs.getLong(2)),
                    Long.toString(rs.getLong(3)),
                    rs.getString(4),
                    String.valueOf(rs.getString(5))),
            event.seq());
    assertThat(row)
        .as("the node's row of batch " + event.seq())
        .containsExactly(
            List.of(
                "confirmed",
                Long.toString(posted.firstBlock()),
                Long.toString(posted.lastBlock()),
                posted.newStateRoot().toString(),
                event.txHash().toString()));
  }

  private static List<Bytes> raws(JdbcTemplate node, long block) {
    return node.query(
        "SELECT raw FROM transactions WHERE block_number = ? ORDER BY tx_index",
        (rs, n) -> Bytes.of(rs.getBytes(1)),
        block);
  }

  /** The node's state root after {@code block}. */
  static Hash stateRoot(JdbcTemplate node, long block) {
    return Hash.of(
        Bytes.of(
            node.queryForObject(
                "SELECT state_root FROM blocks WHERE number = ?", byte[].class, block)));
  }
}
