package io.paraseq.protocol.tx;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An EIP-1559 transaction (type {@code 0x02}): a priority fee and a fee cap instead of a gas price.
 * A valid one has {@code maxPriorityFeePerGas ≤ maxFeePerGas}; the decoder enforces it.
 *
 * @param chainId the chain id
 * @param nonce the sender's nonce, unsigned 64-bit
 * @param maxPriorityFeePerGas the tip per gas offered to the fee recipient
 * @param maxFeePerGas the most wei per gas the sender pays, base fee included
 * @param gasLimit the gas limit, unsigned 64-bit
 * @param to the recipient; empty for a contract creation
 * @param value wei sent along
 * @param data call data or init code
 * @param accessList addresses and storage keys to warm
 */
public record DynamicFeeTransaction(
    ChainId chainId,
    long nonce,
    Wei maxPriorityFeePerGas,
    Wei maxFeePerGas,
    long gasLimit,
    Optional<Address> to,
    Wei value,
    Bytes data,
    List<AccessListEntry> accessList)
    implements UnsignedTransaction {

  /** Requires every component and copies the access list. */
  public DynamicFeeTransaction {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    accessList = List.copyOf(accessList);
  }

  @Override
  public TransactionType type() {
    return TransactionType.DYNAMIC_FEE;
  }

  @Override
  public Optional<ChainId> signatureChainId() {
    return Optional.of(chainId);
  }

  @Override
  public Wei maxGasPrice() {
    return maxFeePerGas;
  }
}
