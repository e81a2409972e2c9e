package io.paraseq.batcher.l1;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/**
 * {@link L1TxSigner} with web3j's EIP-1559 encoder and a private key held in memory. The key never
 * appears in {@link #toString()}. Thread-safe.
 */
public final class Web3jTxSigner implements L1TxSigner {

  private final Credentials credentials;
  private final Address address;

  /** Signs with {@code credentials}. */
  public Web3jTxSigner(Credentials credentials) {
    this.credentials = credentials;
    this.address = Address.fromHex(credentials.getAddress());
  }

  @Override
  public Address address() {
    return address;
  }

  @Override
  public SignedL1Tx sign(UnsignedL1Tx tx) {
    RawTransaction raw =
        RawTransaction.createTransaction(
            tx.chainId(),
            BigInteger.valueOf(tx.nonce()),
            BigInteger.valueOf(tx.gasLimit()),
            tx.to().toLowerHex(),
            BigInteger.ZERO,
            tx.data().toHex(),
            tx.fees().maxPriorityFeePerGas().value(),
            tx.fees().maxFeePerGas().value());
    return SignedL1Tx.of(Bytes.of(TransactionEncoder.signMessage(raw, credentials)));
  }

  @Override
  public String toString() {
    return "Web3jTxSigner[" + address + "]";
  }
}
