package io.paraseq.protocol.block;

import io.paraseq.protocol.rlp.RlpException;
import io.paraseq.protocol.rlp.RlpReader;
import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.tx.TransactionDecoder;
import io.paraseq.protocol.tx.TransactionResult;
import io.paraseq.protocol.tx.TransactionType;
import io.paraseq.protocol.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/** The strict codec of {@link Block}. Stateless. */
final class BlockCodec {

  private static final int BLOCK_FIELDS = 4;

  private BlockCodec() {}

  static Bytes encode(Block block) {
    RlpWriter writer = new RlpWriter();
    writer.startList();
    BlockHeaderCodec.write(block.header(), writer);
    writer.startList();
    for (Transaction tx : block.transactions()) {
      if (tx.type() == TransactionType.LEGACY) {
        writer.writeEncoded(tx.encoded());
      } else {
        writer.writeBytes(tx.encoded());
      }
    }
    writer.endList().startList().endList().startList().endList().endList();
    return writer.toBytes();
  }

  static DecodeResult<Block> decode(Bytes encoded) {
    try {
      RlpReader reader = RlpReader.of(encoded);
      Fields fields = Fields.enter(reader, "block", BLOCK_FIELDS);
      BlockHeader header = BlockHeaderCodec.read(fields.reader("header"));
      List<Transaction> transactions = readTransactions(fields.reader("transactions"));
      requireEmpty(fields.reader("ommers"), BlockDecodeError.OMMERS_NOT_EMPTY, "ommers");
      requireEmpty(
          fields.reader("withdrawals"), BlockDecodeError.WITHDRAWALS_NOT_EMPTY, "withdrawals");
      fields.exit();
      reader.finish();
      Block block = new Block(header, transactions);
      if (!block.transactionsRootMatches()) {
        return DecodeResult.rejected(
            BlockDecodeFailure.of(
                BlockDecodeError.TRANSACTIONS_ROOT_MISMATCH,
                "header has " + header.transactionsRoot()));
      }
      return DecodeResult.decoded(block);
    } catch (RejectedDataException e) {
      return DecodeResult.rejected(e.failure());
    } catch (RlpException e) {
      return DecodeResult.rejected(BlockDecodeFailure.rlp("block", e));
    }
  }

  private static List<Transaction> readTransactions(RlpReader reader) {
    List<Transaction> transactions = new ArrayList<>();
    reader.enterList();
    while (reader.hasNext()) {
      int index = transactions.size();
      boolean legacyForm = reader.nextIsList();
      Bytes raw = legacyForm ? reader.readEncoded() : reader.readBytes();
      TransactionResult<Transaction> result = TransactionDecoder.decode(raw);
      if (result instanceof TransactionResult.Invalid<Transaction> invalid) {
        throw Fields.reject(
            BlockDecodeError.INVALID_TRANSACTION,
            "transaction " + index + ": " + invalid.rejection().message());
      }
      Transaction tx = result.orElseThrow();
      if (legacyForm != (tx.type() == TransactionType.LEGACY)) {
        throw Fields.reject(
            BlockDecodeError.INVALID_TRANSACTION,
            "transaction " + index + ": legacy must be a list, typed a byte string");
      }
      transactions.add(tx);
    }
    reader.exitList();
    return transactions;
  }

  private static void requireEmpty(RlpReader reader, BlockDecodeError reason, String field) {
    reader.enterList();
    if (reader.hasNext()) {
      throw Fields.reject(reason, "block lists " + field);
    }
    reader.exitList();
  }
}
