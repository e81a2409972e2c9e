package io.paraseq.protocol.block;

import io.paraseq.protocol.rlp.RlpException;
import io.paraseq.protocol.rlp.RlpReader;
import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;

/** The strict codec of {@link BlockHeader}: the RLP list of the twenty Cancun fields. Stateless. */
final class BlockHeaderCodec {

  private static final int NONCE_LENGTH = 8;

  private BlockHeaderCodec() {}

  static Bytes encode(BlockHeader header) {
    RlpWriter writer = new RlpWriter();
    write(header, writer);
    return writer.toBytes();
  }

  static void write(BlockHeader h, RlpWriter writer) {
    writer
        .startList()
        .writeBytes(h.parentHash().bytes())
        .writeBytes(h.ommersHash().bytes())
        .writeBytes(h.beneficiary().bytes())
        .writeBytes(h.stateRoot().bytes())
        .writeBytes(h.transactionsRoot().bytes())
        .writeBytes(h.receiptsRoot().bytes())
        .writeBytes(h.logsBloom().bytes());
    Fields.writeUint64(writer, h.difficulty());
    Fields.writeUint64(writer, h.number());
    Fields.writeUint64(writer, h.gasLimit());
    Fields.writeUint64(writer, h.gasUsed());
    Fields.writeUint64(writer, h.timestamp());
    writer
        .writeBytes(h.extraData())
        .writeBytes(h.mixHash().bytes())
        .writeBytes(h.nonce())
        .writeBigInteger(h.baseFeePerGas().value())
        .writeBytes(h.withdrawalsRoot().bytes());
    Fields.writeUint64(writer, h.blobGasUsed());
    Fields.writeUint64(writer, h.excessBlobGas());
    writer.writeBytes(h.parentBeaconBlockRoot().bytes()).endList();
  }

  static DecodeResult<BlockHeader> decode(Bytes encoded) {
    try {
      RlpReader reader = RlpReader.of(encoded);
      BlockHeader header = read(reader);
      reader.finish();
      return DecodeResult.decoded(header);
    } catch (RejectedDataException e) {
      return DecodeResult.rejected(e.failure());
    } catch (RlpException e) {
      return DecodeResult.rejected(BlockDecodeFailure.rlp("header", e));
    }
  }

  /** Reads one header from {@code reader}; failures are {@link RejectedDataException}s. */
  static BlockHeader read(RlpReader reader) {
    Fields f = Fields.enter(reader, "header", BlockHeader.FIELD_COUNT);
    Hash parentHash = f.hash("parentHash");
    Hash ommersHash = f.hash("ommersHash");
    Address beneficiary = f.address("beneficiary");
    Hash stateRoot = f.hash("stateRoot");
    Hash transactionsRoot = f.hash("transactionsRoot");
    Hash receiptsRoot = f.hash("receiptsRoot");
    LogsBloom logsBloom = new LogsBloom(f.bytes("logsBloom", LogsBloom.LENGTH));
    BigInteger difficulty = f.uint256("difficulty");
    long number = f.uint64("number");
    long gasLimit = f.uint64("gasLimit");
    long gasUsed = f.uint64("gasUsed");
    long timestamp = f.uint64("timestamp");
    Bytes extraData = f.bytes("extraData");
    Hash mixHash = f.hash("mixHash");
    Bytes nonce = f.bytes("nonce", NONCE_LENGTH);
    Wei baseFeePerGas = Wei.of(f.uint256("baseFeePerGas"));
    Hash withdrawalsRoot = f.hash("withdrawalsRoot");
    long blobGasUsed = f.uint64("blobGasUsed");
    long excessBlobGas = f.uint64("excessBlobGas");
    Hash parentBeaconBlockRoot = f.hash("parentBeaconBlockRoot");
    f.exit();
    if (difficulty.signum() != 0) {
      throw Fields.reject(BlockDecodeError.DIFFICULTY_NOT_ZERO, "difficulty " + difficulty);
    }
    HeaderRules.violation(ommersHash, 0, gasLimit, gasUsed, extraData, nonce)
        .ifPresent(
            failure -> {
              throw new RejectedDataException(failure);
            });
    return new BlockHeader(
        parentHash,
        ommersHash,
        beneficiary,
        stateRoot,
        transactionsRoot,
        receiptsRoot,
        logsBloom,
        0,
        number,
        gasLimit,
        gasUsed,
        timestamp,
        extraData,
        mixHash,
        nonce,
        baseFeePerGas,
        withdrawalsRoot,
        blobGasUsed,
        excessBlobGas,
        parentBeaconBlockRoot);
  }
}
