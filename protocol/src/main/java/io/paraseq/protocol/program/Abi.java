package io.paraseq.protocol.program;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Selectors, event topics and the {@code Error(string)} revert encoding of the Solidity ABI: the
 * facts the programs and their callers share. Encoding and decoding of values live in {@link
 * AbiEncoder} and {@link AbiDecoder}.
 */
public final class Abi {

  /** Length of one ABI word in bytes. */
  public static final int WORD = 32;

  /** Length of a function selector in bytes. */
  public static final int SELECTOR_LENGTH = 4;

  /** The selector of {@code Error(string)}, {@code 0x08c379a0}: solc's revert-with-reason. */
  public static final int ERROR_SELECTOR = selector("Error(string)");

  private Abi() {}

  /**
   * The selector of a function: the first four bytes of keccak256 of its canonical signature,
   * big-endian in an {@code int}.
   *
   * @param signature the canonical signature, e.g. {@code transfer(address,uint256)}
   */
  public static int selector(String signature) {
    Bytes hash = Hash.keccak(Bytes.of(signature.getBytes(StandardCharsets.US_ASCII))).bytes();
    return ((hash.get(0) & 0xff) << 24)
        | ((hash.get(1) & 0xff) << 16)
        | ((hash.get(2) & 0xff) << 8)
        | (hash.get(3) & 0xff);
  }

  /** The four selector bytes of {@code selector}. */
  public static Bytes selectorBytes(int selector) {
    return Bytes.of(
        (byte) (selector >>> 24),
        (byte) (selector >>> 16),
        (byte) (selector >>> 8),
        (byte) selector);
  }

  /** The selector at the start of {@code callData}, if it has four bytes. */
  public static Optional<Integer> selectorOf(Bytes callData) {
    if (callData.length() < SELECTOR_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(
        ((callData.get(0) & 0xff) << 24)
            | ((callData.get(1) & 0xff) << 16)
            | ((callData.get(2) & 0xff) << 8)
            | (callData.get(3) & 0xff));
  }

  /**
   * The topic0 of an event: keccak256 of its canonical signature.
   *
   * @param signature e.g. {@code Transfer(address,address,uint256)}
   */
  public static Hash eventTopic(String signature) {
    return Hash.keccak(Bytes.of(signature.getBytes(StandardCharsets.US_ASCII)));
  }

  /** The revert data solc produces for {@code require(..., reason)}: {@code Error(reason)}. */
  public static Bytes errorData(String reason) {
    return new AbiEncoder().string(reason).encodeWithSelector(ERROR_SELECTOR);
  }

  /**
   * The reason of {@code Error(string)} revert data, as geth unpacks it for {@code execution
   * reverted: <reason>}; empty for any other data (no data, a panic, a custom error, malformed).
   */
  public static Optional<String> revertReason(Bytes revertData) {
    Optional<Integer> selector = selectorOf(revertData);
    if (selector.isEmpty() || selector.get() != ERROR_SELECTOR) {
      return Optional.empty();
    }
    try {
      return Optional.of(AbiDecoder.arguments(revertData, 1).string(0));
    } catch (AbiException malformed) {
      return Optional.empty();
    }
  }
}
