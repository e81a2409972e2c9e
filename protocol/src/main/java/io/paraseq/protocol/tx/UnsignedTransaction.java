package io.paraseq.protocol.tx;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Optional;

/**
 * The signed-over part of a user transaction: everything but the signature. {@link
 * TransactionSigner#sign} turns one into a {@link SignedTransaction}.
 *
 * <p>Nonce and gas limit are unsigned 64-bit values held in a {@code long} (see the package
 * documentation).
 */
public sealed interface UnsignedTransaction
    permits LegacyTransaction, AccessListTransaction, DynamicFeeTransaction {

  /** The type. */
  TransactionType type();

  /** The sender's nonce, unsigned. */
  long nonce();

  /** The gas limit, unsigned. */
  long gasLimit();

  /** The recipient; empty for a contract creation. */
  Optional<Address> to();

  /** The wei sent along. */
  Wei value();

  /** Call data, or init code for a contract creation. */
  Bytes data();

  /** The EIP-2930 access list; empty for legacy transactions. */
  List<AccessListEntry> accessList();

  /** The chain id the signature commits to; empty only for a pre-EIP-155 legacy transaction. */
  Optional<ChainId> signatureChainId();

  /** The most wei per gas the sender pays: gas price, or the EIP-1559 fee cap. */
  Wei maxGasPrice();
}
