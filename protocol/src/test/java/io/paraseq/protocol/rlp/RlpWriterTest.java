package io.paraseq.protocol.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RlpWriterTest {

  private static String hex(RlpWriter writer) {
    return writer.toBytes().toHex();
  }

  @Test
  void encodesStringsInTheShortestForm() {
    assertThat(hex(new RlpWriter().writeBytes(new byte[0]))).isEqualTo("0x80");
    assertThat(hex(new RlpWriter().writeBytes(new byte[] {0x7f}))).isEqualTo("0x7f");
    assertThat(hex(new RlpWriter().writeBytes(new byte[] {(byte) 0x80}))).isEqualTo("0x8180");
    assertThat(hex(new RlpWriter().writeBytes(new byte[55]))).startsWith("0xb700");
    assertThat(hex(new RlpWriter().writeBytes(new byte[56]))).startsWith("0xb83800");
    assertThat(hex(new RlpWriter().writeBytes(new byte[256]))).startsWith("0xb9010000");
  }

  @Test
  void encodesIntegersMinimally() {
    assertThat(hex(new RlpWriter().writeLong(0))).isEqualTo("0x80");
    assertThat(hex(new RlpWriter().writeLong(0x7f))).isEqualTo("0x7f");
    assertThat(hex(new RlpWriter().writeLong(0x80))).isEqualTo("0x8180");
    assertThat(hex(new RlpWriter().writeLong(0x0400))).isEqualTo("0x820400");
    assertThat(hex(new RlpWriter().writeLong(Long.MAX_VALUE))).isEqualTo("0x887fffffffffffffff");
    assertThat(
            hex(new RlpWriter().writeBigInteger(BigInteger.TWO.pow(64).subtract(BigInteger.ONE))))
        .isEqualTo("0x88ffffffffffffffff");
    assertThat(hex(new RlpWriter().writeBigInteger(BigInteger.TWO.pow(255))))
        .isEqualTo("0xa08" + "0".repeat(63));
    assertThatThrownBy(() -> new RlpWriter().writeLong(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RlpWriter().writeBigInteger(BigInteger.ONE.negate()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void insertsListHeadersWhenCopyingOut() {
    RlpWriter writer = new RlpWriter();
    writer.startList().startList().endList().startList().startList().endList().endList().endList();
    assertThat(hex(writer)).isEqualTo("0xc3c0c1c0");

    byte[] field = new byte[60];
    Arrays.fill(field, (byte) 0xaa);
    writer.reset();
    writer.startList().writeLong(1).startList().writeBytes(field).endList().endList();
    // inner list: payload 62 (b83c + 60) -> f83e; outer: 1 + 64 = 65 -> f841
    assertThat(hex(writer)).startsWith("0xf84101f83eb83caaaa").hasSize(2 + 2 * 67);
  }

  @Test
  void writesIntoACallerBufferAtAnOffset() {
    RlpWriter writer = new RlpWriter().startList().writeLong(5).endList();
    byte[] target = new byte[5];
    int end = writer.writeTo(target, 2);
    assertThat(end).isEqualTo(4);
    assertThat(target).containsExactly(0, 0, 0xc1, 5, 0);
  }

  @Test
  void writesPreEncodedItemsAsIs() {
    Bytes inner = Rlp.encode(RlpList.of(RlpString.ofInteger(3)));
    RlpWriter writer = new RlpWriter().startList().writeEncoded(inner).endList();
    assertThat(hex(writer)).isEqualTo("0xc2c103");
  }

  @Test
  void refusesToFinishWithAnOpenList() {
    RlpWriter writer = new RlpWriter().startList();
    assertThatThrownBy(writer::toByteArray).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new RlpWriter().endList()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void growsForLargeAndManyItems() {
    RlpWriter writer = new RlpWriter().startList();
    for (int i = 0; i < 10_000; i++) {
      writer.startList().writeLong(i).writeBytes(new byte[i % 70]).endList();
    }
    byte[] encoded = writer.endList().toByteArray();
    RlpList decoded = (RlpList) Rlp.decode(encoded);
    assertThat(decoded.size()).isEqualTo(10_000);
    assertThat(Rlp.encodeToArray(decoded)).isEqualTo(encoded);
  }
}
