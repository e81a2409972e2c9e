package io.paraseq.batcher.derive;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.build.MemoryBlocks;
import io.paraseq.batcher.l1.L1Log;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding {@code BatchAppended} logs. */
class BatchAppendedEventTest {

  private final PostedBatches.Posted posted =
      PostedBatches.batch(new MemoryBlocks(2), 3, Hash.keccak(Bytes.of((byte) 1)), 2);

  @Test
  void topicIsTheKeccakOfTheSolidityEventSignature() {
    assertThat(BatchAppendedEvent.TOPIC.toString())
        .isEqualTo(
            Hash.keccak(
                    Bytes.of(
                        "BatchAppended(uint64,bytes32,bytes32,bytes32,uint64,uint64,uint64,bytes32)"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .toString());
  }

  @Test
  void decodesEveryField() {
    assertThat(BatchAppendedEvent.decode(posted.log(12))).contains(posted.event(12));
  }

  @Test
  void refusesOtherLogs() {
    L1Log log = posted.log(12);
    L1Log otherTopic =
        new L1Log(
            log.address(),
            List.of(Hash.keccak(Bytes.of((byte) 2)), log.topics().get(1), log.topics().get(2)),
            log.data(),
            12,
            log.blockHash(),
            log.transactionHash(),
            0);
    L1Log shortData =
        new L1Log(
            log.address(),
            log.topics(),
            log.data().slice(0, 5 * 32),
            12,
            log.blockHash(),
            log.transactionHash(),
            0);
    assertThat(BatchAppendedEvent.decode(otherTopic)).isEmpty();
    assertThat(BatchAppendedEvent.decode(shortData)).isEmpty();
  }
}
