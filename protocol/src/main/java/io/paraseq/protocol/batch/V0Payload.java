package io.paraseq.protocol.batch;

import io.paraseq.protocol.rlp.RlpException;
import io.paraseq.protocol.rlp.RlpReader;
import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * The v0 payload (before compression): {@code rlp([[number, timestamp, depositCursor, l1BaseFee,
 * [tx…]]…])}, every transaction an RLP byte string holding its raw network form (a legacy
 * transaction's RLP list too, as OP Stack batches carry them). Stateless.
 */
final class V0Payload {

  private static final int BLOCK_FIELDS = 5;

  private V0Payload() {}

  static byte[] encode(List<BatchBlock> blocks) {
    RlpWriter writer = new RlpWriter();
    writer.startList();
    for (BatchBlock block : blocks) {
      writer.startList();
      writer.writeLong(block.number());
      writer.writeLong(block.timestamp());
      writer.writeLong(block.depositCursor());
      writer.writeLong(block.l1BaseFee().value().longValueExact());
      writer.startList();
      for (Bytes tx : block.transactions()) {
        writer.writeBytes(tx);
      }
      writer.endList();
      writer.endList();
    }
    writer.endList();
    return writer.toByteArray();
  }

  /**
   * The blocks in {@code payload}; transactions are checked by {@link BatchRules}.
   *
   * @throws RejectedBatchException for any bad payload
   */
  static List<BatchBlock> decode(byte[] payload) {
    try {
      RlpReader reader = RlpReader.of(payload);
      reader.enterList();
      List<BatchBlock> blocks = new ArrayList<>();
      int txIndex = 0;
      while (reader.hasNext()) {
        BatchBlock block = readBlock(reader, blocks.size(), txIndex);
        txIndex += block.transactions().size();
        blocks.add(block);
      }
      reader.exitList();
      if (reader.hasNext()) {
        throw new RejectedBatchException(
            BatchDecodeError.TRAILING_BYTES, "bytes after the block list");
      }
      reader.finish();
      return blocks;
    } catch (RlpException e) {
      throw new RejectedBatchException(
          BatchDecodeError.MALFORMED_PAYLOAD, "v0 payload: " + e.getMessage());
    }
  }

  private static BatchBlock readBlock(RlpReader reader, int blockIndex, int firstTxIndex) {
    reader.enterList();
    long number = reader.readLong();
    long timestamp = reader.readLong();
    long depositCursor = reader.readLong();
    Wei l1BaseFee = Wei.of(reader.readLong());
    reader.enterList();
    List<Bytes> transactions = new ArrayList<>();
    while (reader.hasNext()) {
      Bytes raw = reader.readBytes();
      BatchRules.userTransaction(raw, firstTxIndex + transactions.size());
      transactions.add(raw);
    }
    reader.exitList();
    if (reader.hasNext()) {
      throw new RejectedBatchException(
          BatchDecodeError.MALFORMED_PAYLOAD,
          "block " + blockIndex + " has more than " + BLOCK_FIELDS + " fields");
    }
    reader.exitList();
    return new BatchBlock(number, timestamp, depositCursor, l1BaseFee, transactions);
  }
}
