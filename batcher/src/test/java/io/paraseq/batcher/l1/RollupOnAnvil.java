package io.paraseq.batcher.l1;

import io.paraseq.contracts.Deployment;
import io.paraseq.contracts.RollupDeployer;
import io.paraseq.contracts.generated.Rollup;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.protocol.batch.BatchHeader;
import io.paraseq.protocol.batch.BatchVersion;
import io.paraseq.protocol.batch.Codec;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * A fresh {@code Rollup} on a test anvil (owner dev account 0, sequencer the manager's account) and
 * valid batches for it: batch {@code seq} covers L2 blocks {@code 2·seq+1 .. 2·seq+2}, its state
 * root is {@code root(seq+1)}, and it links to the previous batch's root.
 */
final class RollupOnAnvil {

  static final int OWNER = 0;
  static final long GAS_LIMIT = 500_000;

  private final AnvilFixture anvil;
  final Address rollup;

  private RollupOnAnvil(AnvilFixture anvil, Address rollup) {
    this.anvil = anvil;
    this.rollup = rollup;
  }

  /** Deploys a Rollup whose sequencer is {@code sequencer}. */
  static RollupOnAnvil deploy(AnvilFixture anvil, Credentials sequencer) {
    Credentials owner = anvil.credentials(OWNER);
    Deployment deployment =
        RollupDeployer.deploy(
            anvil.web3j(),
            owner,
            owner.getAddress(),
            sequencer.getAddress(),
            root(0).bytes().toArray(),
            Duration.ofSeconds(30));
    return new RollupOnAnvil(anvil, Address.fromHex(deployment.rollup()));
  }

  /** The state root after batch {@code seq - 1}; {@code root(0)} is genesis. */
  static Hash root(long n) {
    byte[] b = new byte[32];
    Arrays.fill(b, (byte) 0x5a);
    b[31] = (byte) n;
    b[30] = (byte) (n >>> 8);
    return Hash.of(Bytes.of(b));
  }

  /** Batch {@code seq}'s data: version and codec bytes, then a few bytes naming the batch. */
  static Bytes data(long seq) {
    return Bytes.of(new byte[] {0, 0, 'b', 'a', 't', 'c', 'h', (byte) seq});
  }

  static BatchHeader header(long seq) {
    return new BatchHeader(
        seq,
        BatchVersion.V0,
        Codec.NONE,
        root(seq),
        root(seq + 1),
        2 * seq + 1,
        2 * seq + 2,
        0,
        Hash.keccak(data(seq)));
  }

  /** The appendBatch calldata of batch {@code seq}. */
  static Bytes appendBatch(long seq) {
    return RollupCalls.appendBatch(header(seq), data(seq));
  }

  /** The intent key of batch {@code seq}. */
  static String intent(long seq) {
    return "batch-" + seq;
  }

  /** Submits batch {@code seq} to {@code manager}. */
  L1Tx submit(L1TransactionManager manager, long seq) {
    return manager.submit(intent(seq), rollup, appendBatch(seq), GAS_LIMIT);
  }

  /** The contract's {@code nextSeq}. */
  long nextSeq(L1Client l1) {
    return RollupCalls.decodeNextSeq(l1.call(rollup, RollupCalls.nextSeq()));
  }

  /** The seq of every {@code BatchAppended} event of this contract, in chain order. */
  List<Long> appendedSeqs() {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameterName.EARLIEST,
            DefaultBlockParameterName.LATEST,
            rollup.toLowerHex());
    filter.addSingleTopic(EventEncoder.encode(Rollup.BATCHAPPENDED_EVENT));
    EthLog logs;
    try {
      logs = anvil.web3j().ethGetLogs(filter).send();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (logs.hasError()) {
      throw new IllegalStateException(logs.getError().getMessage());
    }
    List<Long> seqs = new ArrayList<>();
    for (EthLog.LogResult<?> result : logs.getLogs()) {
      Log log = (Log) result.get();
      seqs.add(new BigInteger(log.getTopics().get(1).substring(2), 16).longValueExact());
    }
    return seqs;
  }
}
