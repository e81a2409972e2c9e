package io.paraseq.protocol.tx;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user transaction with its signature. The sender is not stored: {@link
 * TransactionSigner#recoverSender} derives it from the signature.
 *
 * @param payload the signed-over fields
 * @param signature the signature
 */
public record SignedTransaction(UnsignedTransaction payload, TransactionSignature signature)
    implements Transaction {

  /** Requires both components. */
  public SignedTransaction {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(signature, "signature");
  }

  @Override
  public TransactionType type() {
    return payload.type();
  }

  @Override
  public long gasLimit() {
    return payload.gasLimit();
  }

  @Override
  public Optional<Address> recipient() {
    return payload.to();
  }

  @Override
  public Wei value() {
    return payload.value();
  }

  @Override
  public Bytes data() {
    return payload.data();
  }

  @Override
  public List<AccessListEntry> accessList() {
    return payload.accessList();
  }
}
