package io.paraseq.bench.load;

import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.TransactionEncoder;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A set of signed transfers ready to send: for each transaction of a {@link NoncePlan} its {@code
 * eth_sendRawTransaction} call (JSON, id = its index) and its hash. Built before the clock starts,
 * so the measured run only concatenates strings. Immutable; the hash index answers which
 * transaction a block hash list names.
 */
final class Workload {

  private final NoncePlan plan;
  private final String[] calls;
  private final Hash[] hashes;
  private final Map<Hash, Integer> byHash;

  private Workload(NoncePlan plan, String[] calls, Hash[] hashes) {
    this.plan = plan;
    this.calls = calls;
    this.hashes = hashes;
    this.byHash = HashMap.newHashMap(hashes.length);
    for (int i = 0; i < hashes.length; i++) {
      byHash.put(hashes[i], i);
    }
  }

  /**
   * Signs one EIP-1559 transfer per planned transaction, in parallel.
   *
   * @param plan sender, nonce and lane of each transaction
   * @param senders the sender accounts, indexed as in the plan
   * @param recipient the recipient of transaction {@code i}
   * @param value the value of every transfer
   * @param fees the fees of every transfer
   * @param chainId the target's chain id
   */
  static Workload sign(
      NoncePlan plan,
      List<Account> senders,
      IntFunction<Address> recipient,
      Wei value,
      Fees fees,
      ChainId chainId) {
    if (senders.size() != plan.senders()) {
      throw new IllegalArgumentException(
          "plan has " + plan.senders() + " senders, got " + senders.size() + " accounts");
    }
    String[] calls = new String[plan.size()];
    Hash[] hashes = new Hash[plan.size()];
    IntStream.range(0, plan.size())
        .parallel()
        .forEach(
            i -> {
              DynamicFeeTransaction tx =
                  new DynamicFeeTransaction(
                      chainId,
                      plan.nonce(i),
                      fees.maxPriorityFeePerGas(),
                      fees.maxFeePerGas(),
                      Fees.TRANSFER_GAS,
                      Optional.of(recipient.apply(i)),
                      value,
                      Bytes.EMPTY,
                      List.of());
              SignedTransaction signed =
                  TransactionSigner.sign(tx, senders.get(plan.sender(i)).key());
              Bytes raw = TransactionEncoder.encode(signed);
              hashes[i] = Hash.keccak(raw);
              calls[i] = call(i, raw);
            });
    return new Workload(plan, calls, hashes);
  }

  /** The JSON-RPC call submitting {@code raw}, with id {@code index}. */
  static String call(int index, Bytes raw) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + index
        + ",\"method\":\"eth_sendRawTransaction\",\"params\":[\""
        + raw.toHex()
        + "\"]}";
  }

  /** The plan the transactions follow. */
  NoncePlan plan() {
    return plan;
  }

  /** The number of transactions. */
  int size() {
    return calls.length;
  }

  /** The {@code eth_sendRawTransaction} call of transaction {@code index}. */
  String call(int index) {
    return calls[index];
  }

  /** The hash of transaction {@code index}. */
  Hash hash(int index) {
    return hashes[index];
  }

  /** The index of the transaction with {@code hash}, if it belongs to this workload. */
  OptionalInt indexOf(Hash hash) {
    Integer index = byHash.get(hash);
    return index == null ? OptionalInt.empty() : OptionalInt.of(index);
  }
}
