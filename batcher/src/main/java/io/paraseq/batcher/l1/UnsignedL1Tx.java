package io.paraseq.batcher.l1;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.Objects;

/**
 * An EIP-1559 (type 2) contract call to sign: value zero, empty access list. A blob sender would
 * add a type 3 variant with the blob fee cap and versioned hashes next to this one.
 *
 * @param chainId the L1 chain id
 * @param nonce the sender's nonce
 * @param to the called contract
 * @param data the calldata
 * @param gasLimit the gas limit, positive
 * @param fees the fee caps
 */
public record UnsignedL1Tx(
    long chainId, long nonce, Address to, Bytes data, long gasLimit, Fees fees) {

  /** Checks the fields. */
  public UnsignedL1Tx {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(fees, "fees");
    if (chainId <= 0 || nonce < 0 || gasLimit <= 0) {
      throw new IllegalArgumentException(
          "bad chainId/nonce/gasLimit: " + chainId + ", " + nonce + ", " + gasLimit);
    }
  }
}
