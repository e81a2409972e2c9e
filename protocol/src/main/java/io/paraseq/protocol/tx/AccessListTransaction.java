package io.paraseq.protocol.tx;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An EIP-2930 transaction (type {@code 0x01}): a legacy transaction with a chain id and an access
 * list.
 *
 * @param chainId the chain id
 * @param nonce the sender's nonce, unsigned 64-bit
 * @param gasPrice wei per gas
 * @param gasLimit the gas limit, unsigned 64-bit
 * @param to the recipient; empty for a contract creation
 * @param value wei sent along
 * @param data call data or init code
 * @param accessList addresses and storage keys to warm
 */
public record AccessListTransaction(
    ChainId chainId,
    long nonce,
    Wei gasPrice,
    long gasLimit,
    Optional<Address> to,
    Wei value,
    Bytes data,
    List<AccessListEntry> accessList)
    implements UnsignedTransaction {

  /** Requires every component and copies the access list. */
  public AccessListTransaction {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    accessList = List.copyOf(accessList);
  }

  @Override
  public TransactionType type() {
    return TransactionType.ACCESS_LIST;
  }

  @Override
  public Optional<ChainId> signatureChainId() {
    return Optional.of(chainId);
  }

  @Override
  public Wei maxGasPrice() {
    return gasPrice;
  }
}
