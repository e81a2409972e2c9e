package io.paraseq.sequencer.batcher;

import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.TransactionEncoder;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.sequencer.chain.RawTransactionSender;
import io.paraseq.sequencer.chain.RawTransactionSender.Answer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.web3j.utils.Numeric;

/**
 * ETH transfers on the L2 from the development accounts (funded by the node's default genesis, so
 * the genesis root stays the one a Rollup is deployed with): 1,000 wei + nonce to {@link #TO},
 * 21,000 gas, 1 gwei tip, 50 gwei fee cap.
 */
final class DevTransfers {

  /** The L2 chain of the default configuration. */
  static final ChainId CHAIN = ChainId.of(3195);

  /** The recipient of every transfer. */
  static final Address TO = Address.fromHex("0x000000000000000000000000000000000000cafe");

  private DevTransfers() {}

  /** The signed raw transfer of development account {@code account} with {@code nonce}. */
  static Bytes transfer(int account, long nonce) {
    DynamicFeeTransaction tx =
        new DynamicFeeTransaction(
            CHAIN,
            nonce,
            Wei.of(1_000_000_000L),
            Wei.of(50_000_000_000L),
            21_000,
            Optional.of(TO),
            Wei.of(1_000L + nonce),
            Bytes.EMPTY,
            List.of());
    PrivateKey key =
        PrivateKey.of(Numeric.hexStringToByteArray(DevAccounts.PRIVATE_KEYS.get(account)))
            .orElseThrow();
    return TransactionEncoder.encode(TransactionSigner.sign(tx, key));
  }

  /**
   * Sends {@code perRound} transfers from each development account in {@code senders} (round robin)
   * to the node at {@code url}, at the nonces in {@code nonces} (advanced past each accepted one),
   * and adds each acknowledged hash to {@code acknowledged}.
   *
   * @throws AssertionError if the node answers anything but accepted
   */
  static void sendRound(
      String url, int[] senders, long[] nonces, int perRound, Set<String> acknowledged)
      throws InterruptedException {
    try (RawTransactionSender client = new RawTransactionSender(url)) {
      for (int i = 0; i < perRound; i++) {
        for (int s = 0; s < senders.length; s++) {
          Answer answer = client.sendUntilAnswered(transfer(senders[s], nonces[s]));
          if (!(answer instanceof Answer.Accepted accepted)) {
            throw new AssertionError(
                "sender " + senders[s] + " nonce " + nonces[s] + ": " + answer);
          }
          acknowledged.add(accepted.hash());
          nonces[s]++;
        }
      }
    }
  }
}
