package io.paraseq.protocol.crypto;

/**
 * Why a secp256k1 operation rejected its input. These are expected failures (a user-supplied
 * signature or key), so they travel as values inside {@link Secp256k1Result}, never as exceptions.
 */
public enum SignatureError {
  /** r is zero or not below the group order n. */
  R_OUT_OF_RANGE,
  /** s is zero or not below the group order n. */
  S_OUT_OF_RANGE,
  /** s is above n/2: valid ECDSA, but rejected for transactions since EIP-2 (homestead). */
  S_NOT_LOW,
  /** The recovery id is neither 0 nor 1. */
  INVALID_RECOVERY_ID,
  /** The values are in range, but no public key can be recovered (r is no curve x-coordinate). */
  RECOVERY_FAILED,
  /** The private key is not 32 bytes, or not in [1, n-1]. */
  INVALID_PRIVATE_KEY
}
