package io.paraseq.sequencer.pool;

import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.LegacyTransaction;
import io.paraseq.protocol.tx.TransactionEncoder;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.TransactionValidator;
import io.paraseq.protocol.tx.UnsignedTransaction;
import io.paraseq.protocol.tx.ValidationPolicy;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Real signed transactions for pool tests, verified by the real ingress validator. */
final class PoolTransactions {

  static final ChainId CHAIN = ChainId.of(3195);
  static final Address TO = Address.fromHex("0x000000000000000000000000000000000000beef");
  private static final TransactionValidator VALIDATOR =
      new TransactionValidator(ValidationPolicy.userIngress(CHAIN));

  private PoolTransactions() {}

  /** The private key of test sender {@code index} (1-based, small integers are valid keys). */
  static PrivateKey key(int index) {
    byte[] key = new byte[32];
    key[31] = (byte) index;
    key[30] = (byte) (index >> 8);
    return PrivateKey.of(key).orElseThrow();
  }

  /** An EIP-1559 transfer of 1 wei with 21,000 gas. */
  static VerifiedTransaction dynamic(int sender, long nonce, long maxFee, long tip) {
    return sign(
        sender,
        new DynamicFeeTransaction(
            CHAIN,
            nonce,
            Wei.of(tip),
            Wei.of(maxFee),
            21_000,
            Optional.of(TO),
            Wei.of(1),
            Bytes.EMPTY,
            List.of()));
  }

  /** An EIP-1559 transfer with a chosen gas limit. */
  static VerifiedTransaction dynamicWithGas(int sender, long nonce, long maxFee, long gas) {
    return sign(
        sender,
        new DynamicFeeTransaction(
            CHAIN,
            nonce,
            Wei.of(1),
            Wei.of(maxFee),
            gas,
            Optional.of(TO),
            Wei.of(1),
            Bytes.EMPTY,
            List.of()));
  }

  /** A legacy EIP-155 transfer. */
  static VerifiedTransaction legacy(int sender, long nonce, long gasPrice) {
    return sign(
        sender,
        new LegacyTransaction(
            nonce,
            Wei.of(gasPrice),
            21_000,
            Optional.of(TO),
            Wei.of(1),
            Bytes.EMPTY,
            Optional.of(CHAIN)));
  }

  static AccountState rich(long nonce) {
    return new AccountState(nonce, BigInteger.TEN.pow(24));
  }

  private static VerifiedTransaction sign(int sender, UnsignedTransaction tx) {
    Bytes raw = TransactionEncoder.encode(TransactionSigner.sign(tx, key(sender)));
    return VALIDATOR.verify(raw).orElseThrow();
  }
}
