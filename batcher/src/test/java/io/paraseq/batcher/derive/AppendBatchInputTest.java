package io.paraseq.batcher.derive;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.batcher.build.MemoryBlocks;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import org.junit.jupiter.api.Test;

/** Decoding {@code appendBatch} calldata as the contract's ABI decoder accepts it. */
class AppendBatchInputTest {

  private final PostedBatches.Posted posted =
      PostedBatches.batch(new MemoryBlocks(1), 4, Hash.keccak(Bytes.of((byte) 9)), 2);
  private final Bytes input = posted.transaction().input();

  @Test
  void decodesTheBatchersCalldata() {
    AppendBatchInput decoded = AppendBatchInput.decode(input).orElseThrow();
    assertThat(decoded.seq()).isEqualTo(4);
    assertThat(decoded.prevStateRoot()).isEqualTo(posted.header().prevStateRoot());
    assertThat(decoded.newStateRoot()).isEqualTo(posted.header().newStateRoot());
    assertThat(decoded.firstBlock()).isEqualTo(1);
    assertThat(decoded.lastBlock()).isEqualTo(2);
    assertThat(decoded.depositCursor()).isZero();
    assertThat(decoded.data()).isEqualTo(posted.data());
    assertThat(decoded.matches(posted.event(10))).isTrue();
  }

  @Test
  void acceptsDataAtAnotherOffsetAndTrailingBytes() {
    byte[] raw = input.toArray();
    int head = 4 + 7 * 32;
    byte[] moved = new byte[raw.length + 32 + 5];
    System.arraycopy(raw, 0, moved, 0, head);
    System.arraycopy(raw, head, moved, head + 32, raw.length - head); // 32 spare bytes before
    moved[4 + 6 * 32 + 30] = 1; // offset 0x100 instead of 0xe0
    moved[4 + 6 * 32 + 31] = 0;
    AppendBatchInput decoded = AppendBatchInput.decode(Bytes.of(moved)).orElseThrow();
    assertThat(decoded.data()).isEqualTo(posted.data());
  }

  @Test
  void refusesWhatTheContractWouldRevertOnOrIsNoAppendBatch() {
    byte[] selector = input.toArray();
    selector[0] ^= 1;
    assertThat(AppendBatchInput.decode(Bytes.of(selector))).isEmpty();

    byte[] dirtySeq = input.toArray();
    dirtySeq[4] = 1; // a high byte of the uint64 seq word
    assertThat(AppendBatchInput.decode(Bytes.of(dirtySeq))).isEmpty();

    assertThat(AppendBatchInput.decode(input.slice(0, input.length() - 40))).isEmpty();
    assertThat(AppendBatchInput.decode(input.slice(0, 4 + 6 * 32))).isEmpty();

    byte[] farOffset = input.toArray();
    farOffset[4 + 6 * 32 + 30] = 0x7f; // the data's offset past the end
    assertThat(AppendBatchInput.decode(Bytes.of(farOffset))).isEmpty();
  }
}
