package io.paraseq.protocol.program;

import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Solidity {@code string} state variable in storage, as solc keeps it. Short (at most 31 bytes):
 * the bytes left-aligned in the variable's slot, the lowest byte {@code 2 × length}. Long: the slot
 * holds {@code 2 × length + 1} and the bytes fill the slots from {@code keccak256(slot)} on,
 * left-aligned, the last one padded with zeros.
 */
final class StorageStrings {

  private static final int SHORT_MAX = Word.LENGTH - 1;

  private StorageStrings() {}

  /** The slots holding {@code value} (UTF-8) in the variable at {@code slot}. */
  static Map<Hash, Word> layout(Hash slot, String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    Map<Hash, Word> slots = new TreeMap<>();
    if (utf8.length <= SHORT_MAX) {
      byte[] word = new byte[Word.LENGTH];
      System.arraycopy(utf8, 0, word, 0, utf8.length);
      word[Word.LENGTH - 1] = (byte) (2 * utf8.length);
      slots.put(slot, new Word(Bytes.of(word)));
      return slots;
    }
    slots.put(slot, Word.of(2L * utf8.length + 1));
    Hash data = Hash.keccak(slot.bytes());
    for (int i = 0; i * Word.LENGTH < utf8.length; i++) {
      byte[] word = new byte[Word.LENGTH];
      int length = Math.min(Word.LENGTH, utf8.length - i * Word.LENGTH);
      System.arraycopy(utf8, i * Word.LENGTH, word, 0, length);
      slots.put(Slots.plus(data, i), new Word(Bytes.of(word)));
    }
    return slots;
  }

  /** Reads the string at {@code slot} of {@code address}, charging every slot read. */
  static String read(ProgramContext context, Address address, Hash slot) {
    Word head = context.load(address, slot);
    byte[] headBytes = head.bytes().toArray();
    if ((headBytes[Word.LENGTH - 1] & 1) == 0) {
      int length = (headBytes[Word.LENGTH - 1] & 0xff) / 2;
      return new String(headBytes, 0, Math.min(length, SHORT_MAX), StandardCharsets.UTF_8);
    }
    BigInteger length = head.toBigInteger().shiftRight(1);
    Hash data = context.dataSlot(slot);
    // grows only as fast as the reads are paid for, whatever length the slot claims
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BigInteger remaining = length;
    for (long i = 0; remaining.signum() > 0; i++) {
      byte[] word = context.load(address, Slots.plus(data, i)).bytes().toArray();
      int take = remaining.min(BigInteger.valueOf(Word.LENGTH)).intValue();
      out.write(word, 0, take);
      remaining = remaining.subtract(BigInteger.valueOf(take));
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
