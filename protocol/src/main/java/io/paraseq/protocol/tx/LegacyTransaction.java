package io.paraseq.protocol.tx;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A legacy (untyped) transaction. With a chain id it is replay-protected by EIP-155 ({@code v = 35
 * + 2·chainId + yParity}); without one it is a pre-EIP-155 transaction ({@code v = 27 + yParity}).
 *
 * @param nonce the sender's nonce, unsigned 64-bit
 * @param gasPrice wei per gas
 * @param gasLimit the gas limit, unsigned 64-bit
 * @param to the recipient; empty for a contract creation
 * @param value wei sent along
 * @param data call data or init code
 * @param chainId the EIP-155 chain id, or empty for an unprotected transaction
 */
public record LegacyTransaction(
    long nonce,
    Wei gasPrice,
    long gasLimit,
    Optional<Address> to,
    Wei value,
    Bytes data,
    Optional<ChainId> chainId)
    implements UnsignedTransaction {

  /** Requires every component. */
  public LegacyTransaction {
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(chainId, "chainId");
  }

  @Override
  public TransactionType type() {
    return TransactionType.LEGACY;
  }

  @Override
  public List<AccessListEntry> accessList() {
    return List.of();
  }

  @Override
  public Optional<ChainId> signatureChainId() {
    return chainId;
  }

  @Override
  public Wei maxGasPrice() {
    return gasPrice;
  }
}
