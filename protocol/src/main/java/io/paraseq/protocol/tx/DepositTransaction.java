package io.paraseq.protocol.tx;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A deposit (type {@code 0x7e}): made only by the sequencer from an L1 bridge event, never signed;
 * its sender is {@link #from()}. Encoded as {@code 0x7e || rlp([sourceHash, from, to, mint, value,
 * gas, isSystemTx, data])}. Deposits cannot create contracts, so {@code to} is required. User
 * ingress rejects this type (DESIGN.md §3).
 *
 * @param sourceHash unique id of the L1 event, see {@link #userDepositSourceHash}
 * @param from the L1 depositor, who is the L2 sender
 * @param to the L2 recipient
 * @param mint wei minted on L2 for the depositor
 * @param value wei sent to {@code to}
 * @param gasLimit the gas limit, unsigned 64-bit
 * @param isSystemTx whether this is a system deposit
 * @param data call data
 */
public record DepositTransaction(
    Hash sourceHash,
    Address from,
    Address to,
    Wei mint,
    Wei value,
    long gasLimit,
    boolean isSystemTx,
    Bytes data)
    implements Transaction {

  /** Requires every component. */
  public DepositTransaction {
    Objects.requireNonNull(sourceHash, "sourceHash");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(mint, "mint");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
  }

  /**
   * The source hash of a user deposit: {@code keccak256(uint256(0) || keccak256(l1BlockHash ||
   * uint256(logIndex)))}, the OP Stack's domain-0 derivation, unique per L1 log.
   *
   * @throws IllegalArgumentException if {@code logIndex} is negative
   */
  public static Hash userDepositSourceHash(Hash l1BlockHash, long logIndex) {
    if (logIndex < 0) {
      throw new IllegalArgumentException("log index must be non-negative, got " + logIndex);
    }
    Hash depositId = Hash.keccak(l1BlockHash.bytes().concat(uint256(logIndex)));
    return Hash.keccak(uint256(0).concat(depositId.bytes()));
  }

  @Override
  public TransactionType type() {
    return TransactionType.DEPOSIT;
  }

  @Override
  public Optional<Address> recipient() {
    return Optional.of(to);
  }

  @Override
  public List<AccessListEntry> accessList() {
    return List.of();
  }

  private static Bytes uint256(long value) {
    byte[] word = new byte[32];
    for (int i = 0; i < Long.BYTES; i++) {
      word[31 - i] = (byte) (value >>> (8 * i));
    }
    return Bytes.of(word);
  }
}
