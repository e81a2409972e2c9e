package io.paraseq.sequencer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.RebuildProgress;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.trie.ParallelHashing;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.utils.Numeric;

/** Signing, sending and reading the chain tables for the block production ITs. */
final class ChainTables {

  static final long CHAIN_ID = 3195;
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger ETH = BigInteger.TEN.pow(18);
  static final BigInteger DEV_BALANCE = BigInteger.TEN.pow(22);
  static final Address FEE_RECIPIENT =
      Address.fromHex("0x4200000000000000000000000000000000000011");

  private ChainTables() {}

  /** An EIP-1559 transfer at 2 gwei fee cap and 1 gwei tip. */
  static String dynamic(Credentials from, long nonce, String to, BigInteger value) {
    RawTransaction tx =
        RawTransaction.createEtherTransaction(
            CHAIN_ID,
            BigInteger.valueOf(nonce),
            BigInteger.valueOf(21_000),
            to,
            value,
            GWEI,
            GWEI.shiftLeft(1));
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, from));
  }

  /** A legacy (EIP-155) transfer at 1 gwei. */
  static String legacy(Credentials from, long nonce, String to, BigInteger value) {
    RawTransaction tx =
        RawTransaction.createEtherTransaction(
            BigInteger.valueOf(nonce), GWEI, BigInteger.valueOf(21_000), to, value);
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, CHAIN_ID, from));
  }

  /** Sends and returns the hash; fails the test on an error answer. */
  static String send(Web3j web3j, String raw) {
    try {
      EthSendTransaction sent = web3j.ethSendRawTransaction(raw).send();
      assertThat(sent.hasError()).as("%s", sent.getError()).isFalse();
      return sent.getTransactionHash();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
  }

  /** Polls until every hash has a receipt, up to {@code timeout}. */
  static void awaitReceipts(JdbcTemplate jdbc, List<String> hashes, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      int found = 0;
      for (String hash : hashes) {
        found +=
            jdbc.queryForObject(
                "SELECT count(*) FROM transactions WHERE hash = ?", Integer.class, bytes(hash));
      }
      if (found == hashes.size()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not all of " + hashes + " were included within " + timeout);
  }

  /** The account row's balance, if the row exists. */
  static Optional<BigInteger> balance(JdbcTemplate jdbc, Address address) {
    return jdbc
        .queryForList(
            "SELECT balance FROM accounts WHERE address = ?",
            java.math.BigDecimal.class,
            address.bytes().toArray())
        .stream()
        .findFirst()
        .map(java.math.BigDecimal::toBigIntegerExact);
  }

  static long nonce(JdbcTemplate jdbc, Address address) {
    return jdbc.queryForObject(
        "SELECT nonce FROM accounts WHERE address = ?", Long.class, address.bytes().toArray());
  }

  /**
   * A row of the {@code transactions} table.
   *
   * @param hash 0x-hex
   * @param block the block number
   * @param index the position in the block
   * @param sender the sender
   * @param nonce the nonce
   */
  record Included(String hash, long block, int index, Address sender, long nonce) {}

  /** Every included transaction, in chain order (block, then index). */
  static List<Included> included(JdbcTemplate jdbc) {
    return jdbc.query(
        "SELECT '0x' || encode(hash, 'hex'), block_number, tx_index, sender, nonce"
            + " FROM transactions ORDER BY block_number, tx_index",
        (rs, i) ->
            new Included(
                rs.getString(1),
                rs.getLong(2),
                rs.getInt(3),
                Address.of(Bytes.of(rs.getBytes(4))),
                rs.getLong(5)));
  }

  /** The hashes in the pool table, 0x-hex. */
  static List<String> pooled(JdbcTemplate jdbc) {
    return jdbc.queryForList(
        "SELECT '0x' || encode(hash, 'hex') FROM pool_transactions", String.class);
  }

  /**
   * Asserts that each block's transactions have the indexes 0 … n-1 and each sender's included
   * nonces are 0, 1, 2, … in chain order (no gap, no repeat); returns the count per sender.
   */
  static Map<Address, Long> assertGapFreeNonceOrder(List<Included> included) {
    Map<Address, Long> next = new HashMap<>();
    long block = -1;
    int index = 0;
    for (Included tx : included) {
      if (tx.block() != block) {
        block = tx.block();
        index = 0;
      }
      assertThat(tx.index()).as("index in block %d of %s", block, tx.hash()).isEqualTo(index++);
      long expected = next.getOrDefault(tx.sender(), 0L);
      assertThat(tx.nonce()).as("nonce of %s from %s", tx.hash(), tx.sender()).isEqualTo(expected);
      next.put(tx.sender(), expected + 1);
    }
    return next;
  }

  /** The root of a world state rebuilt from the accounts and storage tables. */
  static Hash rebuiltRoot(JdbcTemplate jdbc) {
    Map<Address, Account> accounts = new HashMap<>();
    jdbc.query(
        "SELECT address, nonce, balance, storage_root, code_hash FROM accounts",
        rs -> {
          accounts.put(
              Address.of(Bytes.of(rs.getBytes(1))),
              new Account(
                  rs.getLong(2),
                  Wei.of(rs.getBigDecimal(3).toBigIntegerExact()),
                  Hash.of(Bytes.of(rs.getBytes(4))),
                  Hash.of(Bytes.of(rs.getBytes(5)))));
        });
    Map<Address, Map<Hash, Word>> storage = new HashMap<>();
    jdbc.query(
        "SELECT address, slot, value FROM storage",
        rs -> {
          storage
              .computeIfAbsent(Address.of(Bytes.of(rs.getBytes(1))), a -> new HashMap<>())
              .put(Hash.of(Bytes.of(rs.getBytes(2))), new Word(Bytes.of(rs.getBytes(3))));
        });
    return WorldState.fromFlat(
            accounts, storage, ParallelHashing.sequential(), RebuildProgress.none())
        .stateRoot();
  }
}
