package io.paraseq.batcher.l1;

import io.paraseq.contracts.generated.Rollup;
import io.paraseq.protocol.batch.BatchHeader;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * Calldata of the {@code Rollup} contract's functions, encoded with web3j's ABI encoder under the
 * generated wrapper's function names, and decoding of their return data.
 */
public final class RollupCalls {

  private RollupCalls() {}

  /**
   * {@code appendBatch(seq, prevStateRoot, newStateRoot, firstBlock, lastBlock, depositCursor,
   * data)} for {@code header} and its {@code data}.
   *
   * @throws IllegalArgumentException if {@code data} does not hash to {@code header.dataHash()}
   */
  public static Bytes appendBatch(BatchHeader header, Bytes data) {
    if (!io.paraseq.protocol.types.Hash.keccak(data).equals(header.dataHash())) {
      throw new IllegalArgumentException("data does not match the header's data hash");
    }
    Function function =
        new Function(
            Rollup.FUNC_APPENDBATCH,
            List.<Type>of(
                uint64(header.seq()),
                new Bytes32(header.prevStateRoot().bytes().toArray()),
                new Bytes32(header.newStateRoot().bytes().toArray()),
                uint64(header.firstBlock()),
                uint64(header.lastBlock()),
                uint64(header.depositCursor()),
                new DynamicBytes(data.toArray())),
            List.of());
    return Bytes.fromHex(FunctionEncoder.encode(function));
  }

  /** {@code nextSeq()}. */
  public static Bytes nextSeq() {
    return Bytes.fromHex(
        FunctionEncoder.encode(new Function(Rollup.FUNC_NEXTSEQ, List.of(), List.of())));
  }

  /** Decodes the return data of {@code nextSeq()}. */
  public static long decodeNextSeq(Bytes returnData) {
    @SuppressWarnings({"rawtypes", "unchecked"})
    List<TypeReference<Type>> outputs = List.of((TypeReference) TypeReference.create(Uint64.class));
    @SuppressWarnings("rawtypes")
    List<Type> values = FunctionReturnDecoder.decode(returnData.toHex(), outputs);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("nextSeq() returned no value: " + returnData);
    }
    return ((BigInteger) values.getFirst().getValue()).longValueExact();
  }

  private static Uint64 uint64(long value) {
    return new Uint64(BigInteger.valueOf(value));
  }
}
