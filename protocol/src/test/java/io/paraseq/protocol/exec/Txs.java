package io.paraseq.protocol.exec;

import io.paraseq.protocol.tx.AccessListTransaction;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DepositTransaction;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.IntrinsicGas;
import io.paraseq.protocol.tx.LegacyTransaction;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.tx.TransactionSignature;
import io.paraseq.protocol.tx.UnsignedTransaction;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Verified transactions in one line for executor tests. The executor trusts a {@link
 * VerifiedTransaction}'s sender, so these carry a placeholder signature and the sender is given.
 */
public final class Txs {

  public static final ChainId CHAIN = ChainId.PARASEQ_DEFAULT;
  public static final long GWEI = 1_000_000_000L;
  public static final BigInteger ETH = BigInteger.TEN.pow(18);

  private static final TransactionSignature PLACEHOLDER =
      new TransactionSignature(
          0,
          Bytes.of(new byte[31]).concat(Bytes.of((byte) 1)),
          Bytes.of(new byte[31]).concat(Bytes.of((byte) 1)));

  private Txs() {}

  /** An EIP-1559 transfer with a 21,000 gas limit. */
  public static VerifiedTransaction eip1559(
      Address sender, long nonce, Address to, BigInteger value, long feeCap, long tip) {
    return eip1559(sender, nonce, to, value, feeCap, tip, 21_000, Bytes.EMPTY);
  }

  public static VerifiedTransaction eip1559(
      Address sender,
      long nonce,
      Address to,
      BigInteger value,
      long feeCap,
      long tip,
      long gasLimit,
      Bytes data) {
    return verified(
        sender,
        new DynamicFeeTransaction(
            CHAIN,
            nonce,
            Wei.of(tip),
            Wei.of(feeCap),
            gasLimit,
            Optional.of(to),
            Wei.of(value),
            data,
            List.of()));
  }

  public static VerifiedTransaction legacy(
      Address sender,
      long nonce,
      Optional<Address> to,
      BigInteger value,
      long gasPrice,
      long gasLimit,
      Bytes data,
      Optional<ChainId> chainId) {
    return verified(
        sender,
        new LegacyTransaction(nonce, Wei.of(gasPrice), gasLimit, to, Wei.of(value), data, chainId));
  }

  public static VerifiedTransaction accessList(
      Address sender, long nonce, Address to, BigInteger value, long gasPrice, ChainId chainId) {
    return verified(
        sender,
        new AccessListTransaction(
            chainId,
            nonce,
            Wei.of(gasPrice),
            21_000,
            Optional.of(to),
            Wei.of(value),
            Bytes.EMPTY,
            List.of()));
  }

  public static VerifiedTransaction verified(Address sender, UnsignedTransaction payload) {
    SignedTransaction signed = new SignedTransaction(payload, PLACEHOLDER);
    return verified(signed, sender, IntrinsicGas.of(signed));
  }

  public static VerifiedTransaction deposit(
      long id, Address from, Address to, BigInteger mint, BigInteger value) {
    DepositTransaction deposit =
        new DepositTransaction(
            DepositTransaction.userDepositSourceHash(Hash.ZERO, id),
            from,
            to,
            Wei.of(mint),
            Wei.of(value),
            50_000,
            false,
            Bytes.EMPTY);
    return verified(deposit, from, 0);
  }

  private static VerifiedTransaction verified(Transaction tx, Address sender, long intrinsicGas) {
    Bytes encoded = tx.encoded();
    return new VerifiedTransaction(tx, encoded, Hash.keccak(encoded), sender, intrinsicGas);
  }

  public static Address address(int n) {
    byte[] bytes = new byte[Address.LENGTH];
    bytes[0] = (byte) 0xaa;
    bytes[16] = (byte) (n >>> 24);
    bytes[17] = (byte) (n >>> 16);
    bytes[18] = (byte) (n >>> 8);
    bytes[19] = (byte) n;
    return Address.of(Bytes.of(bytes));
  }
}
