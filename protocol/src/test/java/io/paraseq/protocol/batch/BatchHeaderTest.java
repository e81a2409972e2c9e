package io.paraseq.protocol.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchHeaderTest {

  private static final Hash PREV = Hash.keccak(Bytes.of((byte) 1));
  private static final Hash NEXT = Hash.keccak(Bytes.of((byte) 2));

  @Test
  void headerTakesRangeCursorCodecAndDataHashFromTheBatch() {
    List<BatchBlock> blocks =
        List.of(
            new BatchBlock(5, 100, 7, Wei.of(30), List.of()),
            new BatchBlock(6, 101, 9, Wei.of(31), List.of()));
    Bytes data = BatchEncoder.encodeV0(blocks, Codec.BROTLI, 5);

    BatchHeader header = BatchHeader.of(3, PREV, NEXT, blocks, data);

    assertThat(header)
        .isEqualTo(
            new BatchHeader(
                3, BatchVersion.V0, Codec.BROTLI, PREV, NEXT, 5, 6, 9, Hash.keccak(data)));
  }

  @Test
  void abiEncodingIsSevenWordsInTheContractsOrder() {
    Hash dataHash = Hash.keccak(Bytes.of((byte) 3));
    BatchHeader header =
        new BatchHeader(
            0x0102, BatchVersion.V1, Codec.ZSTD, PREV, NEXT, 0x10, 0x20, 0x30, dataHash);

    String expected =
        "0x"
            + word("0102")
            + PREV.bytes().toHex().substring(2)
            + NEXT.bytes().toHex().substring(2)
            + word("10")
            + word("20")
            + word("30")
            + dataHash.bytes().toHex().substring(2);

    assertThat(header.abiEncoded().toHex()).isEqualTo(expected);
    assertThat(header.abiEncoded().length()).isEqualTo(BatchHeader.ABI_ENCODED_LENGTH);
    assertThat(header.batchHash()).isEqualTo(Hash.keccak(Bytes.fromHex(expected)));
  }

  @Test
  void appendBatchSelectorAndCalldataLength() {
    // The PUSH4 of Rollup's dispatcher for appendBatch (compiled Rollup.bin).
    assertThat(BatchHeader.APPEND_BATCH_SELECTOR.toHex()).isEqualTo("0x4de91b9c");
    assertThat(BatchHeader.appendBatchCalldataLength(0)).isEqualTo(4 + 8 * 32);
    assertThat(BatchHeader.appendBatchCalldataLength(1)).isEqualTo(4 + 9 * 32);
    assertThat(BatchHeader.appendBatchCalldataLength(64)).isEqualTo(4 + 10 * 32);
  }

  @Test
  void rejectsAnEmptyRangeAndUnknownData() {
    assertThatThrownBy(
            () -> new BatchHeader(0, BatchVersion.V0, Codec.NONE, PREV, NEXT, 5, 4, 0, PREV))
        .isInstanceOf(IllegalArgumentException.class);
    List<BatchBlock> blocks = List.of(new BatchBlock(1, 1, 0, Wei.ZERO, List.of()));
    assertThatThrownBy(() -> BatchHeader.of(0, PREV, NEXT, blocks, Bytes.of((byte) 9, (byte) 0)))
        .hasMessageContaining("unknown version");
    assertThatThrownBy(() -> BatchHeader.of(0, PREV, NEXT, List.of(), Bytes.of((byte) 0, (byte) 0)))
        .hasMessageContaining("at least one block");
  }

  private static String word(String hex) {
    return "0".repeat(64 - hex.length()) + hex;
  }
}
