package io.paraseq.sequencer.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.protocol.chain.DevnetPrograms;
import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.tx.AccessListTransaction;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.LegacyTransaction;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.UnsignedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.utils.Numeric;

/**
 * Mixed transactions from the ten development accounts, sent through a node's JSON-RPC: ETH
 * transfers of all three transaction types (legacy EIP-155, EIP-2930, EIP-1559), TKA transfers,
 * TKA→TKB swaps through the devnet pair (after an approval), and TKA transfers of more than the
 * sender holds, which revert.
 */
final class MixedTransactions {

  static final int SENDERS = 10;

  private MixedTransactions() {}

  /** Sends {@code perSender} transactions from each sender (nonces from 0); returns the hashes. */
  static List<String> send(Web3j node, ChainId chain, int perSender) throws IOException {
    return send(node, chain, 0, perSender);
  }

  /** Sends the transactions of nonces {@code from..to-1} of each sender; returns the hashes. */
  static List<String> send(Web3j node, ChainId chain, int from, int to) throws IOException {
    List<String> hashes = new ArrayList<>();
    for (int nonce = from; nonce < to; nonce++) {
      for (int s = 0; s < SENDERS; s++) {
        String raw = TransactionSigner.sign(transaction(chain, s, nonce), key(s)).encoded().toHex();
        var answer = node.ethSendRawTransaction(raw).send();
        assertThat(answer.hasError()).as(() -> answer.getError().getMessage()).isFalse();
        hashes.add(answer.getTransactionHash());
      }
    }
    return hashes;
  }

  /** One transaction of sender {@code s}: the kind follows from the nonce. */
  static UnsignedTransaction transaction(ChainId chain, int s, long nonce) {
    Address self = account(s);
    Address other = account((s + 1) % SENDERS);
    Address pair = DevnetPrograms.PAIR;
    Address tokenA = DevnetPrograms.TOKEN_A;
    Wei price = Wei.of(50_000_000_000L);
    Wei value = Wei.of(1_000_000_000_000L + nonce);
    if (nonce == 0) {
      return call(
          chain, nonce, tokenA, 100_000, encode("approve", pair, BigInteger.ONE.shiftLeft(200)));
    }
    return switch ((int) (nonce % 6)) {
      case 0 ->
          new LegacyTransaction(
              nonce, price, 21_000, Optional.of(other), value, Bytes.EMPTY, Optional.of(chain));
      case 1 ->
          new AccessListTransaction(
              chain, nonce, price, 21_000, Optional.of(other), value, Bytes.EMPTY, List.of());
      case 2 ->
          new DynamicFeeTransaction(
              chain,
              nonce,
              Wei.of(1_000_000_000L),
              price,
              21_000,
              Optional.of(other),
              value,
              Bytes.EMPTY,
              List.of());
      case 3 ->
          call(
              chain,
              nonce,
              tokenA,
              100_000,
              encode("transfer", other, BigInteger.valueOf(1_000 + nonce)));
      case 4 ->
          call(
              chain,
              nonce,
              pair,
              200_000,
              encode("swap", tokenA, BigInteger.TEN.pow(15), BigInteger.ZERO, self));
      default ->
          call(chain, nonce, tokenA, 100_000, encode("transfer", other, BigInteger.TWO.pow(200)));
    };
  }

  static Address account(int index) {
    return Address.fromHex(DevAccounts.credentials(index).getAddress());
  }

  private static DynamicFeeTransaction call(
      ChainId chain, long nonce, Address to, long gas, Bytes data) {
    return new DynamicFeeTransaction(
        chain,
        nonce,
        Wei.of(1_000_000_000L),
        Wei.of(50_000_000_000L),
        gas,
        Optional.of(to),
        Wei.ZERO,
        data,
        List.of());
  }

  @SuppressWarnings("rawtypes")
  private static Bytes encode(String name, Object... args) {
    List<Type> types = new ArrayList<>();
    for (Object arg : args) {
      types.add(
          arg instanceof Address address
              ? new org.web3j.abi.datatypes.Address(address.toLowerHex())
              : new Uint256((BigInteger) arg));
    }
    return Bytes.fromHex(FunctionEncoder.encode(new Function(name, types, List.of())));
  }

  private static PrivateKey key(int index) {
    return PrivateKey.of(Numeric.hexStringToByteArray(DevAccounts.PRIVATE_KEYS.get(index)))
        .orElseThrow();
  }

  /** Polls {@code done} every 100 ms until it holds or {@code timeout} passes. */
  static void waitFor(String what, Duration timeout, BooleanSupplier done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(100);
    }
  }
}
