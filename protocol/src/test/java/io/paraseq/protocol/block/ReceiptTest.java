package io.paraseq.protocol.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.rlp.RlpError;
import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.tx.TransactionType;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Receipt encodings per type, strict decoding, and the round trip for every type. */
class ReceiptTest {

  private static final Log LOG =
      Log.of(
          Address.fromHex("0x100000000000000000000000000000000000000a"),
          Bytes.fromHex("0x01"),
          Hash.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"));

  @Test
  void legacyReceiptIsTheBareList() {
    Receipt receipt = Receipt.of(TransactionType.LEGACY, ReceiptStatus.SUCCESS, 21_000, List.of());
    Bytes expected =
        new RlpWriter()
            .startList()
            .writeBytes(Bytes.fromHex("0x01"))
            .writeBytes(Bytes.fromHex("0x5208"))
            .writeBytes(LogsBloom.EMPTY.bytes())
            .startList()
            .endList()
            .endList()
            .toBytes();
    assertThat(receipt.encoded()).isEqualTo(expected);
    assertThat(receipt.encoded().toHex()).startsWith("0xf9010801825208b90100");
  }

  @Test
  void failureIsTheEmptyString() {
    Receipt receipt = Receipt.of(TransactionType.LEGACY, ReceiptStatus.FAILURE, 0, List.of());
    assertThat(receipt.encoded().toHex()).startsWith("0xf901068080b90100");
  }

  @Test
  void typedReceiptsArePrefixedByTheirTypeByte() {
    Bytes legacy =
        Receipt.of(TransactionType.LEGACY, ReceiptStatus.SUCCESS, 50_000, List.of(LOG)).encoded();
    for (TransactionType type :
        List.of(
            TransactionType.ACCESS_LIST, TransactionType.DYNAMIC_FEE, TransactionType.DEPOSIT)) {
      Bytes typed = Receipt.of(type, ReceiptStatus.SUCCESS, 50_000, List.of(LOG)).encoded();
      assertThat(typed)
          .isEqualTo(Bytes.of((byte) (int) type.typeByte().orElseThrow()).concat(legacy));
    }
  }

  @Test
  void blobAndSetCodeReceiptsAreNotModelled() {
    assertThatThrownBy(() -> Receipt.of(TransactionType.BLOB, ReceiptStatus.SUCCESS, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    Bytes blobReceipt =
        Bytes.fromHex("0x03")
            .concat(
                Receipt.of(TransactionType.LEGACY, ReceiptStatus.SUCCESS, 0, List.of()).encoded());
    assertRejected(blobReceipt, BlockDecodeError.RECEIPT_TYPE_NOT_SUPPORTED);
    assertRejected(Bytes.fromHex("0x00c0"), BlockDecodeError.RECEIPT_TYPE_NOT_SUPPORTED);
    assertRejected(Bytes.fromHex("0x7f"), BlockDecodeError.RECEIPT_TYPE_NOT_SUPPORTED);
  }

  @Test
  void aBloomThatIsNotTheBloomOfTheLogsIsRejected() {
    assertThatThrownBy(
            () ->
                new Receipt(
                    TransactionType.LEGACY,
                    ReceiptStatus.SUCCESS,
                    1,
                    LogsBloom.EMPTY,
                    List.of(LOG)))
        .isInstanceOf(IllegalArgumentException.class);
    Bytes encoded =
        receiptList(Bytes.fromHex("0x01"), LogsBloom.EMPTY.bytes(), List.of(LOG), List.of());
    assertRejected(encoded, BlockDecodeError.BLOOM_MISMATCH);
  }

  @Test
  void statusMustBeZeroOrOne() {
    assertRejected(
        receiptList(Bytes.fromHex("0x02"), LogsBloom.EMPTY.bytes(), List.of(), List.of()),
        BlockDecodeError.INVALID_STATUS);
    // a pre-Byzantium intermediate state root
    assertRlpFault(
        receiptList(
            Bytes.fromHex("0x" + "ab".repeat(32)), LogsBloom.EMPTY.bytes(), List.of(), List.of()),
        RlpError.INTEGER_TOO_LARGE);
  }

  @Test
  void aLogWithFiveTopicsIsRejected() {
    RlpWriter writer = new RlpWriter().startList().writeLong(1).writeLong(0);
    writer.writeBytes(LogsBloom.EMPTY.bytes()).startList();
    writer.startList().writeBytes(Address.ZERO.bytes()).startList();
    for (int i = 0; i < 5; i++) {
      writer.writeBytes(Hash.ZERO.bytes());
    }
    writer.endList().writeBytes(Bytes.EMPTY).endList().endList().endList();
    assertRejected(writer.toBytes(), BlockDecodeError.TOO_MANY_TOPICS);
  }

  @Test
  void wrongShapesAreRejected() {
    assertRejected(
        receiptList(
            Bytes.fromHex("0x01"), LogsBloom.EMPTY.bytes(), List.of(), List.of(Bytes.EMPTY)),
        BlockDecodeError.WRONG_FIELD_COUNT);
    assertRejected(
        new RlpWriter().startList().writeLong(1).writeLong(0).endList().toBytes(),
        BlockDecodeError.WRONG_FIELD_COUNT);
    assertRlpFault(
        receiptList(Bytes.fromHex("0x01"), Bytes.of(new byte[255]), List.of(), List.of()),
        RlpError.WRONG_LENGTH);
    assertRlpFault(Bytes.EMPTY, RlpError.INPUT_EMPTY);
    assertRlpFault(Bytes.fromHex("0x8180"), RlpError.EXPECTED_LIST);
    assertRlpFault(Bytes.fromHex("0x02"), RlpError.INPUT_EMPTY);
    Bytes valid =
        Receipt.of(TransactionType.DYNAMIC_FEE, ReceiptStatus.SUCCESS, 7, List.of(LOG)).encoded();
    assertRlpFault(valid.concat(Bytes.of((byte) 0)), RlpError.TRAILING_BYTES);
  }

  @Property
  void decodingAnEncodingGivesTheReceiptBackForEveryType(@ForAll("receipts") Receipt receipt) {
    Bytes encoded = receipt.encoded();
    Receipt decoded = Receipt.decode(encoded).orElseThrow();
    assertThat(decoded).isEqualTo(receipt);
    assertThat(decoded.encoded()).isEqualTo(encoded);
  }

  @Provide
  Arbitrary<Receipt> receipts() {
    return BlockArbitraries.receipts();
  }

  private static Bytes receiptList(
      Bytes status, Bytes bloom, List<Log> logs, List<Bytes> extraFields) {
    RlpWriter writer =
        new RlpWriter().startList().writeBytes(status).writeLong(21_000).writeBytes(bloom);
    writer.startList();
    for (Log log : logs) {
      log.writeTo(writer);
    }
    writer.endList();
    extraFields.forEach(writer::writeBytes);
    return writer.endList().toBytes();
  }

  private static void assertRejected(Bytes encoded, BlockDecodeError reason) {
    BlockDecodeFailure failure = Receipt.decode(encoded).failureIfRejected().orElseThrow();
    assertThat(failure.reason()).as(failure.message()).isEqualTo(reason);
  }

  private static void assertRlpFault(Bytes encoded, RlpError error) {
    BlockDecodeFailure failure = Receipt.decode(encoded).failureIfRejected().orElseThrow();
    assertThat(failure.reason()).as(failure.message()).isEqualTo(BlockDecodeError.RLP_MALFORMED);
    assertThat(failure.rlpError()).as(failure.message()).isEqualTo(Optional.of(error));
  }
}
