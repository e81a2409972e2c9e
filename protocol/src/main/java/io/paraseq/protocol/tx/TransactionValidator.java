package io.paraseq.protocol.tx;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a {@link ValidationPolicy} and the Cancun intrinsic-gas rules to decoded transactions,
 * and runs the whole ingress pipeline (decode, validate, recover the sender) in {@link #verify}.
 *
 * <p>Deposits, where allowed, skip the gas checks: they are paid for on L1 and must be included
 * whatever their gas. Immutable and thread-safe.
 */
public final class TransactionValidator {

  private final ValidationPolicy policy;

  /** A validator applying {@code policy}. */
  public TransactionValidator(ValidationPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The policy applied. */
  public ValidationPolicy policy() {
    return policy;
  }

  /**
   * Checks the policy, the EIP-3860 init-code limit and the intrinsic gas.
   *
   * @return the intrinsic gas (0 for an allowed deposit), or the first rule broken
   */
  public TransactionResult<Long> validate(Transaction tx) {
    return switch (tx) {
      case DepositTransaction deposit ->
          policy.allowDeposits()
              ? TransactionResult.valid(0L)
              : TransactionResult.invalid(
                  InvalidTransaction.DEPOSIT_NOT_ALLOWED, "source " + deposit.sourceHash());
      case SignedTransaction signed ->
          checkChain(signed.payload()).flatMap(ignored -> IntrinsicGas.check(signed));
    };
  }

  /** Decodes, validates and recovers the sender of a raw transaction. */
  public TransactionResult<VerifiedTransaction> verify(Bytes raw) {
    return TransactionDecoder.decode(raw)
        .flatMap(
            tx ->
                validate(tx)
                    .flatMap(
                        intrinsicGas ->
                            TransactionSigner.sender(tx)
                                .map(sender -> verified(tx, raw, sender, intrinsicGas))));
  }

  private TransactionResult<UnsignedTransaction> checkChain(UnsignedTransaction tx) {
    Optional<ChainId> chainId = tx.signatureChainId();
    if (chainId.isEmpty()) {
      return policy.allowUnprotectedLegacy()
          ? TransactionResult.valid(tx)
          : TransactionResult.invalid(
              InvalidTransaction.UNPROTECTED_TRANSACTION, "legacy transaction without chain id");
    }
    if (!chainId.get().equals(policy.chainId())) {
      return TransactionResult.invalid(
          InvalidTransaction.CHAIN_ID_MISMATCH,
          "signed for chain " + chainId.get() + ", this chain is " + policy.chainId());
    }
    return TransactionResult.valid(tx);
  }

  private static VerifiedTransaction verified(
      Transaction tx, Bytes raw, Address sender, long intrinsicGas) {
    return new VerifiedTransaction(tx, raw, Hash.keccak(raw), sender, intrinsicGas);
  }
}
