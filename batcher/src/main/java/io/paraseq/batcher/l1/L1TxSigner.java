package io.paraseq.batcher.l1;

import io.paraseq.protocol.types.Address;

/** Signs the transaction manager's L1 transactions with one key. */
public interface L1TxSigner {

  /** The account that signs (and pays). */
  Address address();

  /** Signs {@code tx}: deterministic (RFC 6979), so the same fields give the same bytes. */
  SignedL1Tx sign(UnsignedL1Tx tx);
}
