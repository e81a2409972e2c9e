package io.paraseq.protocol.block;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.Optional;

/** The value rules of a post-merge header, shared by its constructor and its decoder. */
final class HeaderRules {

  private HeaderRules() {}

  static Optional<BlockDecodeFailure> violation(
      Hash ommersHash, long difficulty, long gasLimit, long gasUsed, Bytes extraData, Bytes nonce) {
    if (!ommersHash.equals(BlockHeader.EMPTY_OMMERS_HASH)) {
      return fail(BlockDecodeError.OMMERS_NOT_EMPTY, "ommersHash " + ommersHash);
    }
    if (difficulty != 0) {
      return fail(
          BlockDecodeError.DIFFICULTY_NOT_ZERO, "difficulty " + Long.toUnsignedString(difficulty));
    }
    if (!nonce.equals(BlockHeader.ZERO_NONCE)) {
      return fail(BlockDecodeError.NONCE_NOT_ZERO, "nonce " + nonce);
    }
    if (extraData.length() > BlockHeader.MAX_EXTRA_DATA) {
      return fail(
          BlockDecodeError.EXTRA_DATA_TOO_LONG, "extraData has " + extraData.length() + " bytes");
    }
    if (Long.compareUnsigned(gasUsed, gasLimit) > 0) {
      return fail(
          BlockDecodeError.GAS_USED_ABOVE_LIMIT,
          "gasUsed "
              + Long.toUnsignedString(gasUsed)
              + " > gasLimit "
              + Long.toUnsignedString(gasLimit));
    }
    return Optional.empty();
  }

  private static Optional<BlockDecodeFailure> fail(BlockDecodeError reason, String detail) {
    return Optional.of(BlockDecodeFailure.of(reason, detail));
  }
}
