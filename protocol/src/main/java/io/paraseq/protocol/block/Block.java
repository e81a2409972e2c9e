package io.paraseq.protocol.block;

import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;

/**
 * A sealed block: a header and its transactions, in order. Encoded as the Cancun block {@code
 * rlp([header, [tx…], ommers, withdrawals])} with empty ommers and withdrawals; in the list a
 * legacy transaction is its RLP list and a typed one the byte string of its EIP-2718 envelope.
 *
 * <p>The constructor does not recompute the transactions root (the producer just computed it);
 * {@link #decode} does, and {@link #transactionsRootMatches()} checks it on demand.
 *
 * @param header the header
 * @param transactions the transactions, in execution order
 */
public record Block(BlockHeader header, List<Transaction> transactions) {

  /** Copies the transactions. */
  public Block {
    Objects.requireNonNull(header, "header");
    transactions = List.copyOf(transactions);
  }

  /**
   * Decodes a block strictly: a canonical four-item list of a Cancun header, transactions each
   * accepted by the transaction decoder and in canonical form, no ommers, no withdrawals, and a
   * transactions root equal to the header's.
   */
  public static DecodeResult<Block> decode(Bytes encoded) {
    return BlockCodec.decode(encoded);
  }

  /** The block hash, which is the header hash. */
  public Hash hash() {
    return header.hash();
  }

  /** The block number, unsigned 64-bit. */
  public long number() {
    return header.number();
  }

  /** Whether the header's transactions root is the root of {@link #transactions()}. */
  public boolean transactionsRootMatches() {
    return header.transactionsRoot().equals(OrderedRoots.transactionsRoot(transactions));
  }

  /** The encoding {@code rlp([header, [tx…], [], []])}. */
  public Bytes encoded() {
    return BlockCodec.encode(this);
  }
}
