package io.paraseq.batcher.l1;

import io.paraseq.contracts.generated.Rollup;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * Reads of the {@code Rollup} contract at the latest L1 block, through {@link L1Client#call}:
 * {@code nextSeq}, {@code nextBlock}, {@code lastStateRoot}, {@code batchHashes}, {@code
 * challengePeriod} and {@code isFinal}. Thread-safe.
 */
public final class RollupView {

  private static final int MAX_STATE_READS = 5;

  private final L1Client l1;
  private final Address rollup;

  /** Reads the contract at {@code rollup} through {@code l1}. */
  public RollupView(L1Client l1, Address rollup) {
    this.l1 = Objects.requireNonNull(l1, "l1");
    this.rollup = Objects.requireNonNull(rollup, "rollup");
  }

  /** The contract's address. */
  public Address address() {
    return rollup;
  }

  /**
   * {@code nextSeq}, {@code nextBlock} and {@code lastStateRoot} of one moment: read, then {@code
   * nextSeq} read again until it did not change in between (a batch appended between two calls).
   *
   * @throws L1UnavailableException if the contract keeps changing or L1 cannot be asked
   */
  public RollupState state() {
    for (int attempt = 0; attempt < MAX_STATE_READS; attempt++) {
      long seq = uint64(Rollup.FUNC_NEXTSEQ);
      long nextBlock = uint64(Rollup.FUNC_NEXTBLOCK);
      Hash root = bytes32(call(Rollup.FUNC_LASTSTATEROOT));
      if (uint64(Rollup.FUNC_NEXTSEQ) == seq) {
        return new RollupState(seq, nextBlock, root);
      }
    }
    throw new L1UnavailableException("the Rollup contract changed during every read of its state");
  }

  /** {@code batchHashes(seq)}: the commitment of batch {@code seq}, zero if not appended. */
  public Hash batchHash(long seq) {
    return bytes32(call(Rollup.FUNC_BATCHHASHES, new Uint64(BigInteger.valueOf(seq))));
  }

  /** {@code isFinal(seq)} of an appended batch. */
  public boolean isFinal(long seq) {
    Bytes result = call(Rollup.FUNC_ISFINAL, new Uint64(BigInteger.valueOf(seq)));
    List<Type> values = decode(result, TypeReference.create(Bool.class));
    return (Boolean) values.getFirst().getValue();
  }

  /** {@code challengePeriod}. */
  public Duration challengePeriod() {
    return Duration.ofSeconds(uint64(Rollup.FUNC_CHALLENGEPERIOD));
  }

  private long uint64(String function) {
    List<Type> values = decode(call(function), TypeReference.create(Uint64.class));
    return ((BigInteger) values.getFirst().getValue()).longValueExact();
  }

  private static Hash bytes32(Bytes result) {
    List<Type> values = decode(result, TypeReference.create(Bytes32.class));
    return Hash.of(Bytes.of((byte[]) values.getFirst().getValue()));
  }

  private Bytes call(String function, Type<?>... arguments) {
    return l1.call(
        rollup,
        Bytes.fromHex(
            FunctionEncoder.encode(new Function(function, List.of(arguments), List.of()))));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<Type> decode(Bytes result, TypeReference<?> output) {
    List<Type> values =
        FunctionReturnDecoder.decode(result.toHex(), List.of((TypeReference) output));
    if (values.isEmpty()) {
      throw new L1UnavailableException("the Rollup contract returned no value: " + result);
    }
    return values;
  }

  /**
   * The contract's batch chain at one moment.
   *
   * @param nextSeq the seq the next batch must carry
   * @param nextBlock the first L2 block of the next batch
   * @param lastStateRoot the state root after the last batch (the genesis root before the first)
   */
  public record RollupState(long nextSeq, long nextBlock, Hash lastStateRoot) {}
}
