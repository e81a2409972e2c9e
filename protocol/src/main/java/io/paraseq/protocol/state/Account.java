package io.paraseq.protocol.state;

import io.paraseq.protocol.rlp.RlpException;
import io.paraseq.protocol.rlp.RlpReader;
import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An Ethereum account as stored in the state trie: {@code [nonce, balance, storageRoot, codeHash]}.
 * Immutable.
 *
 * @param nonce the number of transactions sent, an <em>unsigned</em> 64-bit integer held in a
 *     {@code long} (compare with {@link Long#compareUnsigned}; print with {@link
 *     Long#toUnsignedString}), as {@code UnsignedTransaction#nonce()}
 * @param balance the balance
 * @param storageRoot root of the account's storage trie ({@link MerkleTrie#EMPTY_ROOT} without
 *     storage)
 * @param codeHash keccak256 of the account's code ({@link #EMPTY_CODE_HASH} without code)
 */
public record Account(long nonce, Wei balance, Hash storageRoot, Hash codeHash) {

  /** keccak256 of the empty byte string: the code hash of an account without code. */
  public static final Hash EMPTY_CODE_HASH = Hash.keccak(Bytes.EMPTY);

  /** The account every absent address has: nonce 0, balance 0, no storage, no code. */
  public static final Account EMPTY =
      new Account(0, Wei.ZERO, MerkleTrie.EMPTY_ROOT, EMPTY_CODE_HASH);

  private static final int NONCE_BITS = 64;

  /** Checks that no field is missing. */
  public Account {
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(storageRoot, "storageRoot");
    Objects.requireNonNull(codeHash, "codeHash");
  }

  /** An account without storage or code. */
  public static Account of(long nonce, Wei balance) {
    return new Account(nonce, balance, MerkleTrie.EMPTY_ROOT, EMPTY_CODE_HASH);
  }

  /** True when the account is empty in the sense of EIP-161: nonce 0, balance 0 and no code. */
  public boolean isEmpty() {
    return nonce == 0 && balance.equals(Wei.ZERO) && codeHash.equals(EMPTY_CODE_HASH);
  }

  /** This account with {@code nonce}. */
  public Account withNonce(long nonce) {
    return new Account(nonce, balance, storageRoot, codeHash);
  }

  /** This account with {@code balance}. */
  public Account withBalance(Wei balance) {
    return new Account(nonce, balance, storageRoot, codeHash);
  }

  /** This account with {@code storageRoot}. */
  public Account withStorageRoot(Hash storageRoot) {
    return new Account(nonce, balance, storageRoot, codeHash);
  }

  /** The nonce as a non-negative {@link BigInteger} in [0, 2^64-1]. */
  public BigInteger nonceValue() {
    return new BigInteger(Long.toUnsignedString(nonce));
  }

  /** The RLP encoding {@code [nonce, balance, storageRoot, codeHash]}, the state trie's value. */
  public Bytes encode() {
    RlpWriter writer = new RlpWriter().startList();
    if (nonce >= 0) {
      writer.writeLong(nonce);
    } else {
      writer.writeBigInteger(nonceValue());
    }
    return writer
        .writeBigInteger(balance.value())
        .writeBytes(storageRoot.bytes())
        .writeBytes(codeHash.bytes())
        .endList()
        .toBytes();
  }

  /**
   * Decodes {@link #encode()}'s output strictly: canonical RLP, exactly four fields, nonce within
   * 64 bits, balance within 256 bits, both hashes 32 bytes, nothing after the list.
   *
   * @throws RlpException naming the violation and its offset
   */
  public static Account decode(Bytes encoded) {
    RlpReader reader = RlpReader.of(encoded);
    reader.enterList();
    long nonce = reader.readBigInteger(NONCE_BITS).longValue();
    Wei balance = Wei.of(reader.readBigInteger(Wei.BITS));
    Hash storageRoot = Hash.of(reader.readBytes(Hash.LENGTH));
    Hash codeHash = Hash.of(reader.readBytes(Hash.LENGTH));
    reader.exitList();
    reader.finish();
    return new Account(nonce, balance, storageRoot, codeHash);
  }

  @Override
  public String toString() {
    return "Account[nonce="
        + Long.toUnsignedString(nonce)
        + ", balance="
        + balance
        + ", storageRoot="
        + storageRoot
        + ", codeHash="
        + codeHash
        + "]";
  }
}
