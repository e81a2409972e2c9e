package io.paraseq.sequencer.ingress;

import java.math.BigInteger;
import java.util.List;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.utils.Numeric;

/** Transactions signed by web3j, as a wallet would, for the ingress and RPC ITs. */
public final class Web3jTransactions {

  public static final long CHAIN_ID = 3195;
  public static final String TO = "0x000000000000000000000000000000000000bEEF";
  public static final BigInteger GWEI = BigInteger.TEN.pow(9);
  public static final BigInteger ETH = BigInteger.TEN.pow(18);

  /** The address an EIP-2930 transfer of {@link #accessList} names in its access list. */
  public static final String WARM = "0x000000000000000000000000000000000000c0de";

  private Web3jTransactions() {}

  /** An EIP-1559 transfer of 1 wei at 2 gwei fee cap, 1 gwei tip. */
  public static String transfer(Credentials from, long nonce) {
    return dynamic(from, nonce, 21_000, BigInteger.ONE, GWEI, GWEI.shiftLeft(1));
  }

  public static String dynamic(
      Credentials from, long nonce, long gas, BigInteger value, BigInteger tip, BigInteger maxFee) {
    RawTransaction tx =
        RawTransaction.createEtherTransaction(
            CHAIN_ID, BigInteger.valueOf(nonce), BigInteger.valueOf(gas), TO, value, tip, maxFee);
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, from));
  }

  /** A legacy transfer of 1 wei at 1 gwei, signed (EIP-155) for {@code chainId}. */
  public static String legacy(Credentials from, long nonce, long chainId) {
    RawTransaction tx =
        RawTransaction.createEtherTransaction(
            BigInteger.valueOf(nonce), GWEI, BigInteger.valueOf(21_000), TO, BigInteger.ONE);
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, from));
  }

  /**
   * An EIP-2930 transfer of 1 wei at 1 gwei whose access list names {@link #WARM} without keys:
   * 23,400 gas (21,000 + 2,400 for the address), the gas limit it carries.
   */
  public static String accessList(Credentials from, long nonce) {
    RawTransaction tx =
        RawTransaction.createTransaction(
            CHAIN_ID,
            BigInteger.valueOf(nonce),
            GWEI,
            BigInteger.valueOf(23_400),
            TO,
            BigInteger.ONE,
            "0x",
            List.of(new AccessListObject(WARM, List.of())));
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, from));
  }

  public static String hashOf(String rawHex) {
    return Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(rawHex)));
  }

  public static EthSendTransaction send(Web3j web3j, String rawHex) {
    try {
      return web3j.ethSendRawTransaction(rawHex).send();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
