package io.paraseq.protocol.crypto;

/** Which s values a signature recovery accepts. */
public enum SValuePolicy {
  /** Only s in [1, n/2], as EIP-2 requires of every transaction signature since homestead. */
  LOW_S_ONLY,
  /** Any s in [1, n-1], as plain ECDSA (and the ecrecover precompile) accepts. */
  ANY_S
}
