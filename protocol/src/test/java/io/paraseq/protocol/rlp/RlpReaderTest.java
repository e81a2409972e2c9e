package io.paraseq.protocol.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.HexFormat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RlpReaderTest {

  private static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static void assertRejected(ThrowingCallable call, RlpError error, int offset) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            RlpException.class,
            e -> {
              assertThat(e.error()).isEqualTo(error);
              assertThat(e.offset()).isEqualTo(offset);
              assertThat(e.getMessage()).contains(error.name(), "offset " + offset);
            });
  }

  @ParameterizedTest(name = "{0} -> {1} at {2}")
  @CsvSource({
    "'', INPUT_EMPTY, 0",
    "81, TRUNCATED, 0",
    "b90100, TRUNCATED, 0",
    "c201820203, ITEM_EXCEEDS_LIST, 2",
    "c2c20102, ITEM_EXCEEDS_LIST, 1",
    "0102, TRAILING_BYTES, 1",
    "8100, NON_CANONICAL_SINGLE_BYTE, 0",
    "c28170, NON_CANONICAL_SINGLE_BYTE, 1",
    "b80100, NON_CANONICAL_LENGTH, 0",
    "f80100, NON_CANONICAL_LENGTH, 0",
    "b9003800, LEADING_ZERO_IN_LENGTH, 0",
    "bf0f000000000000021111, LENGTH_OVERFLOW, 0",
    "bb80000000, LENGTH_OVERFLOW, 0",
  })
  void rejectsMalformedInputWithANamedReason(String hex, RlpError error, int offset) {
    assertRejected(() -> Rlp.decode(bytes(hex)), error, offset);
  }

  @Test
  void readsATransactionLikeListFieldByField() {
    byte[] address = new byte[20];
    address[19] = 1;
    byte[] encoded =
        new RlpWriter()
            .startList()
            .writeLong(7)
            .writeBigInteger(BigInteger.TEN.pow(18))
            .writeBytes(address)
            .startList()
            .endList()
            .endList()
            .toByteArray();
    RlpReader reader = RlpReader.of(encoded);
    reader.enterList();
    assertThat(reader.readLong()).isEqualTo(7);
    assertThat(reader.readBigInteger(256)).isEqualTo(BigInteger.TEN.pow(18));
    assertThat(reader.readBytes(20)).isEqualTo(Bytes.of(address));
    assertThat(reader.nextIsList()).isTrue();
    assertThat(reader.readEncoded()).isEqualTo(Bytes.fromHex("0xc0"));
    assertThat(reader.hasNext()).isFalse();
    reader.exitList();
    reader.finish();
  }

  @Test
  void rejectsIntegersThatAreNotCanonicalOrTooWide() {
    assertRejected(() -> RlpReader.of(bytes("00")).readLong(), RlpError.LEADING_ZERO_IN_INTEGER, 0);
    assertRejected(
        () -> RlpReader.of(bytes("820001")).readLong(), RlpError.LEADING_ZERO_IN_INTEGER, 0);
    assertRejected(
        () -> RlpReader.of(bytes("888000000000000000")).readLong(), RlpError.INTEGER_TOO_LARGE, 0);
    assertRejected(
        () -> RlpReader.of(bytes("820100")).readBigInteger(8), RlpError.INTEGER_TOO_LARGE, 0);
    assertThat(RlpReader.of(bytes("81ff")).readBigInteger(8)).isEqualTo(255);
    assertThat(RlpReader.of(bytes("80")).readLong()).isZero();
    assertRejected(
        () -> new RlpString(Bytes.fromHex("0x0001")).asLong(), RlpError.LEADING_ZERO_IN_INTEGER, 0);
  }

  @Test
  void rejectsTheWrongKindOrLengthOfItem() {
    assertRejected(() -> RlpReader.of(bytes("c0")).readBytes(), RlpError.EXPECTED_STRING, 0);
    assertRejected(() -> RlpReader.of(bytes("80")).enterList(), RlpError.EXPECTED_LIST, 0);
    assertRejected(() -> RlpReader.of(bytes("8201ff")).readBytes(1), RlpError.WRONG_LENGTH, 0);
  }

  @Test
  void rejectsMissingAndLeftoverFields() {
    RlpReader missing = RlpReader.of(bytes("c101"));
    missing.enterList();
    missing.readLong();
    assertRejected(missing::readLong, RlpError.MISSING_ITEM, 2);

    RlpReader leftover = RlpReader.of(bytes("c20102"));
    leftover.enterList();
    leftover.readLong();
    assertRejected(leftover::exitList, RlpError.TRAILING_BYTES, 2);
  }

  @Test
  void rejectsNestingBeyondTheLimitWithoutOverflowingTheStack() {
    int depth = RlpReader.MAX_DEPTH + 1;
    RlpWriter writer = new RlpWriter();
    for (int i = 0; i < depth; i++) {
      writer.startList();
    }
    for (int i = 0; i < depth; i++) {
      writer.endList();
    }
    byte[] encoded = writer.toByteArray();
    assertThatThrownBy(() -> Rlp.decode(encoded))
        .isInstanceOfSatisfying(
            RlpException.class, e -> assertThat(e.error()).isEqualTo(RlpError.NESTING_TOO_DEEP));
    writer.reset();
    writer.startList().endList();
    assertThat(Rlp.decode(writer.toByteArray())).isEqualTo(RlpList.of());
  }

  @Test
  void reportsOffsetsRelativeToTheReadRange() {
    byte[] framed = bytes("ffff8100ffff");
    assertRejected(
        () -> RlpReader.of(framed, 2, 2).readBytes(), RlpError.NON_CANONICAL_SINGLE_BYTE, 0);
  }
}
