package io.paraseq.batcher.l1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.batch.BatchHeader;
import io.paraseq.protocol.types.Bytes;
import org.junit.jupiter.api.Test;

class RollupCallsTest {

  @Test
  void appendBatchCalldataMatchesTheProtocolsSelectorLayoutAndLength() {
    BatchHeader header = RollupOnAnvil.header(7);
    Bytes data = RollupOnAnvil.data(7);
    Bytes calldata = RollupCalls.appendBatch(header, data);

    assertThat(calldata.slice(0, 4)).isEqualTo(BatchHeader.APPEND_BATCH_SELECTOR);
    assertThat((long) calldata.length())
        .isEqualTo(BatchHeader.appendBatchCalldataLength(data.length()));
    Bytes head = header.abiEncoded();
    // seq, prevStateRoot and newStateRoot, firstBlock, lastBlock, depositCursor as in abi.encode.
    assertThat(calldata.slice(4, 6 * 32)).isEqualTo(head.slice(0, 6 * 32));
    assertThat(calldata.slice(4 + 8 * 32, data.length())).isEqualTo(data);
  }

  @Test
  void refusesDataThatIsNotTheHeadersData() {
    assertThatThrownBy(
            () -> RollupCalls.appendBatch(RollupOnAnvil.header(1), RollupOnAnvil.data(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodesNextSeq() {
    Bytes word = Bytes.fromHex("0x" + "0".repeat(62) + "2a");
    assertThat(RollupCalls.decodeNextSeq(word)).isEqualTo(42);
  }
}
