package io.paraseq.batcher.post;

import io.paraseq.contracts.generated.Rollup;
import io.paraseq.protocol.batch.BatchHeader;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * What L1 says about posted batches, read independently of the batcher: the {@code BatchAppended}
 * events of a Rollup and the decoded {@code appendBatch} calldata of an L1 transaction. Shared by
 * the batcher's and the node's integration tests.
 */
public final class L1Batches {

  private L1Batches() {}

  /**
   * One {@code appendBatch} call as sent.
   *
   * @param seq the seq argument
   * @param prevStateRoot the previous root argument
   * @param newStateRoot the new root argument
   * @param firstBlock the first L2 block
   * @param lastBlock the last L2 block
   * @param depositCursor the deposit cursor
   * @param data the batch data
   */
  public record PostedBatch(
      long seq,
      Hash prevStateRoot,
      Hash newStateRoot,
      long firstBlock,
      long lastBlock,
      long depositCursor,
      Bytes data) {}

  /**
   * One {@code BatchAppended} event.
   *
   * @param seq the batch seq
   * @param txHash the L1 transaction that emitted it
   * @param prevStateRoot the previous root
   * @param newStateRoot the new root
   */
  public record Appended(long seq, Hash txHash, Hash prevStateRoot, Hash newStateRoot) {}

  /** Every {@code BatchAppended} event of {@code rollup}, in chain order. */
  public static List<Appended> appended(Web3j web3j, Address rollup) {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameterName.EARLIEST,
            DefaultBlockParameterName.LATEST,
            rollup.toLowerHex());
    filter.addSingleTopic(EventEncoder.encode(Rollup.BATCHAPPENDED_EVENT));
    EthLog logs;
    try {
      logs = web3j.ethGetLogs(filter).send();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (logs.hasError()) {
      throw new IllegalStateException(logs.getError().getMessage());
    }
    List<Appended> out = new ArrayList<>();
    for (EthLog.LogResult<?> result : logs.getLogs()) {
      Log log = (Log) result.get();
      Bytes data = Bytes.fromHex(log.getData());
      out.add(
          new Appended(
              new BigInteger(log.getTopics().get(1).substring(2), 16).longValueExact(),
              Hash.fromHex(log.getTransactionHash()),
              Hash.of(data.slice(0, 32)),
              Hash.of(data.slice(32, 32))));
    }
    return out;
  }

  /** The decoded {@code appendBatch} call of L1 transaction {@code txHash}. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static PostedBatch posted(Web3j web3j, Hash txHash) {
    String input;
    try {
      input =
          web3j
              .ethGetTransactionByHash(txHash.toString())
              .send()
              .getTransaction()
              .orElseThrow()
              .getInput();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Bytes calldata = Bytes.fromHex(input);
    if (!calldata.slice(0, 4).equals(BatchHeader.APPEND_BATCH_SELECTOR)) {
      throw new IllegalStateException("not an appendBatch call: " + txHash);
    }
    List<TypeReference<Type>> types =
        List.of(
            (TypeReference) TypeReference.create(Uint64.class),
            (TypeReference) TypeReference.create(Bytes32.class),
            (TypeReference) TypeReference.create(Bytes32.class),
            (TypeReference) TypeReference.create(Uint64.class),
            (TypeReference) TypeReference.create(Uint64.class),
            (TypeReference) TypeReference.create(Uint64.class),
            (TypeReference) TypeReference.create(DynamicBytes.class));
    List<Type> v =
        FunctionReturnDecoder.decode(calldata.slice(4, calldata.length() - 4).toHex(), types);
    return new PostedBatch(
        ((BigInteger) v.get(0).getValue()).longValueExact(),
        Hash.of(Bytes.of((byte[]) v.get(1).getValue())),
        Hash.of(Bytes.of((byte[]) v.get(2).getValue())),
        ((BigInteger) v.get(3).getValue()).longValueExact(),
        ((BigInteger) v.get(4).getValue()).longValueExact(),
        ((BigInteger) v.get(5).getValue()).longValueExact(),
        Bytes.of((byte[]) v.get(6).getValue()));
  }
}
