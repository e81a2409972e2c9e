package io.paraseq.protocol.block;

import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.Objects;

/**
 * A block header with exactly the fields of an Ethereum Cancun header, in consensus order, so
 * standard clients decode it and agree on its hash (DESIGN.md §3). The hash is keccak256 of the RLP
 * list of the twenty fields.
 *
 * <p>The post-merge constants are enforced: the ommers hash is {@link #EMPTY_OMMERS_HASH}, the
 * difficulty is 0 and the nonce is eight zero bytes. Paraseq's own headers also carry the empty
 * withdrawals root, no blob gas and a zero parent beacon block root ({@link #paraseq}); decoded
 * headers may carry any values there.
 *
 * <p>Integers marked unsigned 64-bit are {@code long}s with unsigned semantics (compare with {@link
 * Long#compareUnsigned}).
 *
 * @param parentHash hash of the parent header
 * @param ommersHash keccak256(rlp([])), always
 * @param beneficiary the fee recipient ({@code miner}/{@code coinbase})
 * @param stateRoot root of the state trie after the block
 * @param transactionsRoot root of the ordered transactions trie, see {@link OrderedRoots}
 * @param receiptsRoot root of the ordered receipts trie, see {@link OrderedRoots}
 * @param logsBloom OR of the blooms of all receipts
 * @param difficulty 0, always
 * @param number block number, unsigned 64-bit
 * @param gasLimit gas limit, unsigned 64-bit
 * @param gasUsed gas used by all transactions, unsigned 64-bit, at most {@code gasLimit}
 * @param timestamp seconds since the Unix epoch, unsigned 64-bit
 * @param extraData at most 32 bytes
 * @param mixHash {@code prevRandao}: zero or a value chosen by the node
 * @param nonce eight zero bytes, always
 * @param baseFeePerGas the EIP-1559 base fee, see {@link BaseFeeRules}
 * @param withdrawalsRoot root of the withdrawals trie (empty for Paraseq)
 * @param blobGasUsed EIP-4844 blob gas used, unsigned 64-bit (0 for Paraseq)
 * @param excessBlobGas EIP-4844 excess blob gas, unsigned 64-bit (0 for Paraseq)
 * @param parentBeaconBlockRoot EIP-4788 root (zero for Paraseq)
 */
public record BlockHeader(
    Hash parentHash,
    Hash ommersHash,
    Address beneficiary,
    Hash stateRoot,
    Hash transactionsRoot,
    Hash receiptsRoot,
    LogsBloom logsBloom,
    long difficulty,
    long number,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Bytes extraData,
    Hash mixHash,
    Bytes nonce,
    Wei baseFeePerGas,
    Hash withdrawalsRoot,
    long blobGasUsed,
    long excessBlobGas,
    Hash parentBeaconBlockRoot) {

  /** keccak256(rlp([])): the ommers hash of every post-merge header. */
  public static final Hash EMPTY_OMMERS_HASH =
      Hash.fromHex("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

  /** The post-merge nonce: eight zero bytes. */
  public static final Bytes ZERO_NONCE = Bytes.of(new byte[8]);

  /** The longest extra data a header may carry. */
  public static final int MAX_EXTRA_DATA = 32;

  /** Number of fields of a Cancun header. */
  public static final int FIELD_COUNT = 20;

  /**
   * Checks the post-merge constants and the limits.
   *
   * @throws IllegalArgumentException if a constant has another value, the extra data is longer than
   *     32 bytes, or gas used exceeds the gas limit
   */
  public BlockHeader {
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(ommersHash, "ommersHash");
    Objects.requireNonNull(beneficiary, "beneficiary");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(transactionsRoot, "transactionsRoot");
    Objects.requireNonNull(receiptsRoot, "receiptsRoot");
    Objects.requireNonNull(logsBloom, "logsBloom");
    Objects.requireNonNull(extraData, "extraData");
    Objects.requireNonNull(mixHash, "mixHash");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(baseFeePerGas, "baseFeePerGas");
    Objects.requireNonNull(withdrawalsRoot, "withdrawalsRoot");
    Objects.requireNonNull(parentBeaconBlockRoot, "parentBeaconBlockRoot");
    HeaderRules.violation(ommersHash, difficulty, gasLimit, gasUsed, extraData, nonce)
        .ifPresent(
            failure -> {
              throw new IllegalArgumentException(failure.message());
            });
  }

  /**
   * A Paraseq header: the post-merge constants, the empty withdrawals root, no blob gas and a zero
   * parent beacon block root.
   */
  public static BlockHeader paraseq(
      Hash parentHash,
      Address feeRecipient,
      Hash stateRoot,
      Hash transactionsRoot,
      Hash receiptsRoot,
      LogsBloom logsBloom,
      long number,
      long gasLimit,
      long gasUsed,
      long timestamp,
      Bytes extraData,
      Hash prevRandao,
      Wei baseFeePerGas) {
    return new BlockHeader(
        parentHash,
        EMPTY_OMMERS_HASH,
        feeRecipient,
        stateRoot,
        transactionsRoot,
        receiptsRoot,
        logsBloom,
        0,
        number,
        gasLimit,
        gasUsed,
        timestamp,
        extraData,
        prevRandao,
        ZERO_NONCE,
        baseFeePerGas,
        MerkleTrie.EMPTY_ROOT,
        0,
        0,
        Hash.ZERO);
  }

  /**
   * Decodes the RLP list of a Cancun header strictly: canonical RLP, exactly twenty fields (older
   * and newer forks have other counts and are rejected with {@link
   * BlockDecodeError#WRONG_FIELD_COUNT}), 32-byte hashes, a 20-byte beneficiary, a 256-byte bloom,
   * 64-bit integers, a 256-bit base fee, the post-merge constants, no trailing bytes.
   */
  public static DecodeResult<BlockHeader> decode(Bytes encoded) {
    return BlockHeaderCodec.decode(encoded);
  }

  /** The RLP list of the twenty fields. */
  public Bytes encoded() {
    return BlockHeaderCodec.encode(this);
  }

  /** The block hash: keccak256 of {@link #encoded()}. */
  public Hash hash() {
    return Hash.keccak(encoded());
  }
}
