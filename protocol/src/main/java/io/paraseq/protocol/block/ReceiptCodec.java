package io.paraseq.protocol.block;

import io.paraseq.protocol.rlp.RlpException;
import io.paraseq.protocol.rlp.RlpReader;
import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.tx.TransactionType;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The strict codec of {@link Receipt} and {@link Log}. Stateless. */
final class ReceiptCodec {

  private static final int RECEIPT_FIELDS = 4;
  private static final int LOG_FIELDS = 3;
  private static final int FIRST_STRING_PREFIX = 0x80;

  private ReceiptCodec() {}

  static Bytes encode(Receipt receipt) {
    RlpWriter writer = new RlpWriter();
    writer.startList().writeLong(receipt.status().code());
    Fields.writeUint64(writer, receipt.cumulativeGasUsed());
    writer.writeBytes(receipt.logsBloom().bytes()).startList();
    for (Log log : receipt.logs()) {
      log.writeTo(writer);
    }
    writer.endList().endList();
    Bytes payload = writer.toBytes();
    Optional<Integer> typeByte = receipt.type().typeByte();
    return typeByte.isEmpty() ? payload : Bytes.of((byte) (int) typeByte.get()).concat(payload);
  }

  static DecodeResult<Receipt> decode(Bytes encoded) {
    TransactionType type = TransactionType.LEGACY;
    Bytes payload = encoded;
    int first = encoded.isEmpty() ? FIRST_STRING_PREFIX : encoded.get(0) & 0xff;
    if (first < FIRST_STRING_PREFIX) {
      Optional<TransactionType> known = TransactionType.ofTypeByte(first);
      if (known.isEmpty() || !known.get().supported()) {
        return DecodeResult.rejected(
            BlockDecodeFailure.of(
                BlockDecodeError.RECEIPT_TYPE_NOT_SUPPORTED,
                "type byte 0x" + Integer.toHexString(first)));
      }
      type = known.get();
      payload = encoded.slice(1, encoded.length() - 1);
    }
    try {
      RlpReader reader = RlpReader.of(payload);
      Receipt receipt = read(reader, type);
      reader.finish();
      return DecodeResult.decoded(receipt);
    } catch (RejectedDataException e) {
      return DecodeResult.rejected(e.failure());
    } catch (RlpException e) {
      return DecodeResult.rejected(BlockDecodeFailure.rlp("receipt", e));
    }
  }

  private static Receipt read(RlpReader reader, TransactionType type) {
    Fields fields = Fields.enter(reader, "receipt", RECEIPT_FIELDS);
    BigInteger status = fields.uint("status", 8);
    if (status.compareTo(BigInteger.ONE) > 0) {
      throw Fields.reject(BlockDecodeError.INVALID_STATUS, "status " + status);
    }
    long cumulativeGasUsed = fields.uint64("cumulativeGasUsed");
    LogsBloom bloom = new LogsBloom(fields.bytes("logsBloom", LogsBloom.LENGTH));
    List<Log> logs = readLogs(fields.reader("logs"), fields);
    fields.exit();
    if (!bloom.equals(LogsBloom.of(logs))) {
      throw Fields.reject(BlockDecodeError.BLOOM_MISMATCH, "bloom " + bloom);
    }
    return new Receipt(
        type, ReceiptStatus.of(status.signum() == 1), cumulativeGasUsed, bloom, logs);
  }

  private static List<Log> readLogs(RlpReader reader, Fields receipt) {
    List<Log> logs = new ArrayList<>();
    try {
      reader.enterList();
    } catch (RlpException e) {
      throw receipt.rlpFault("logs", e);
    }
    while (reader.hasNext()) {
      logs.add(readLog(reader, logs.size()));
    }
    try {
      reader.exitList();
    } catch (RlpException e) {
      throw receipt.rlpFault("logs", e);
    }
    return logs;
  }

  private static Log readLog(RlpReader reader, int index) {
    Fields fields = Fields.enter(reader, "log[" + index + "]", LOG_FIELDS);
    Address address = fields.address("address");
    RlpReader topicsReader = fields.reader("topics");
    List<Hash> topics = new ArrayList<>();
    try {
      topicsReader.enterList();
      while (topicsReader.hasNext()) {
        if (topics.size() == Log.MAX_TOPICS) {
          throw Fields.reject(
              BlockDecodeError.TOO_MANY_TOPICS, "log[" + index + "] has more than 4 topics");
        }
        topics.add(Hash.of(topicsReader.readBytes(Hash.LENGTH)));
      }
      topicsReader.exitList();
    } catch (RlpException e) {
      throw fields.rlpFault("topics", e);
    }
    Bytes data = fields.bytes("data");
    fields.exit();
    return new Log(address, topics, data);
  }
}
