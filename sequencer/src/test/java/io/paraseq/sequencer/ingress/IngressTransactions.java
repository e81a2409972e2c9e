package io.paraseq.sequencer.ingress;

import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.TransactionEncoder;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.TransactionValidator;
import io.paraseq.protocol.tx.ValidationPolicy;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.pool.AccountState;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Real signed transactions (protocol signer, native secp256k1) for ingress and load tests, from
 * small-integer keys funded in a genesis.
 */
public final class IngressTransactions {

  /** The chain the transactions are signed for: the default 3195. */
  public static final ChainId CHAIN = ChainId.of(3195);

  /** The recipient of every transfer. */
  public static final Address TO = Address.fromHex("0x000000000000000000000000000000000000beef");

  static final TransactionValidator VALIDATOR =
      new TransactionValidator(ValidationPolicy.userIngress(CHAIN));

  private IngressTransactions() {}

  /** The key of sender {@code index} (0 … 65535). */
  public static PrivateKey key(int index) {
    byte[] key = new byte[32];
    key[31] = (byte) index;
    key[30] = (byte) (index >> 8);
    key[0] = 0x11;
    return PrivateKey.of(key).orElseThrow();
  }

  /** The address of sender {@code index}. */
  public static Address sender(int index) {
    return VALIDATOR.verify(transfer(index, 0, 1_000_000_000L)).orElseThrow().sender();
  }

  /** A genesis where senders 1..count hold 10^24 wei each. */
  static GenesisAccounts funded(int count) {
    GenesisAccounts genesis = new GenesisAccounts(java.util.Map.of());
    for (int i = 1; i <= count; i++) {
      genesis.set(sender(i), new AccountState(0, BigInteger.TEN.pow(24)));
    }
    return genesis;
  }

  /** An EIP-1559 transfer of 1 wei to {@link #TO}, 21,000 gas, tip = fee cap. */
  public static Bytes transfer(int sender, long nonce, long maxFee) {
    DynamicFeeTransaction tx =
        new DynamicFeeTransaction(
            CHAIN,
            nonce,
            Wei.of(maxFee),
            Wei.of(maxFee),
            21_000,
            Optional.of(TO),
            Wei.of(1),
            Bytes.EMPTY,
            List.of());
    return TransactionEncoder.encode(TransactionSigner.sign(tx, key(sender)));
  }

  /**
   * Transfers of senders {@code 1 … senders} (keys by {@link #key}), {@code perSender} each with
   * nonces {@code 0 … perSender - 1}: one list per sender, in nonce order (signed in parallel).
   */
  public static List<List<Bytes>> transfers(int senders, int perSender, long maxFee) {
    return IntStream.range(0, senders)
        .parallel()
        .mapToObj(
            s -> IntStream.range(0, perSender).mapToObj(n -> transfer(s + 1, n, maxFee)).toList())
        .toList();
  }

  /** The transaction hash of a raw encoding. */
  public static Hash hash(Bytes raw) {
    return Hash.keccak(raw);
  }
}
