package io.paraseq.protocol.tx;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * A complete transaction as it travels on the network and in blocks: a signed user transaction or a
 * sequencer-made deposit. Handle the kinds with an exhaustive {@code switch}.
 */
public sealed interface Transaction permits SignedTransaction, DepositTransaction {

  /** The type. */
  TransactionType type();

  /** The gas limit, unsigned 64-bit. */
  long gasLimit();

  /** The recipient; empty for a contract creation. */
  Optional<Address> recipient();

  /** The wei sent along. */
  Wei value();

  /** Call data, or init code for a contract creation. */
  Bytes data();

  /** The EIP-2930 access list; empty for types without one. */
  List<AccessListEntry> accessList();

  /** Whether this transaction creates a contract. */
  default boolean isContractCreation() {
    return recipient().isEmpty();
  }

  /** The raw network form: an RLP list for legacy, {@code type || rlp(fields)} otherwise. */
  default Bytes encoded() {
    return TransactionEncoder.encode(this);
  }

  /** The transaction hash, keccak256 of {@link #encoded()}. */
  default Hash hash() {
    return Hash.keccak(encoded());
  }
}
