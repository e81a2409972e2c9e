package io.paraseq.sequencer.chain;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One configured genesis account as written (an entry of the allocation file or an inline {@code
 * paraseq.chain.alloc} entry), and the one set of rules that turns it into an allocation. The
 * formats are geth's genesis {@code alloc}: the address with or without {@code 0x} (EIP-55 checked
 * when mixed-case), balance and nonce as decimal or {@code 0x}-hex integers, storage slots and
 * values as {@code 0x} and exactly 64 hex digits. Beyond geth: no code (there is no EVM yet), a
 * nonce fits the accounts table (at most 2^63-1), and the account may not be empty (EIP-161 would
 * delete it when touched). Immutable.
 *
 * @param origin where it was written, for error messages (a file, a setting)
 * @param address the address text
 * @param balance the balance text; required
 * @param nonce the nonce text; empty = 0
 * @param storage slot text → value text
 * @param code the code text; must be empty or {@code 0x}
 */
record AllocEntry(
    String origin,
    String address,
    Optional<String> balance,
    Optional<String> nonce,
    Map<String, String> storage,
    Optional<String> code) {

  private static final BigInteger MAX_NONCE = BigInteger.valueOf(Long.MAX_VALUE);

  /** Copies the storage map. */
  AllocEntry {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(nonce, "nonce");
    storage = Map.copyOf(storage);
    Objects.requireNonNull(code, "code");
  }

  /**
   * The checked address.
   *
   * @throws GenesisAllocException if it is not one
   */
  Address parsedAddress() {
    return GenesisText.address(origin, address);
  }

  /**
   * The checked allocation.
   *
   * @throws GenesisAllocException naming the origin, the address and the broken rule
   */
  Allocation allocation() {
    if (code.isPresent() && !code.get().isEmpty() && !code.get().equals("0x")) {
      throw fail(
          "account "
              + address
              + " has code, which is not supported: Paraseq has no EVM yet; remove \"code\"");
    }
    Wei balance =
        Wei.of(
            quantity(
                this.balance.orElseThrow(
                    () -> fail("account " + address + " has no balance (it is required)")),
                Wei.BITS,
                "balance"));
    BigInteger nonceValue = quantity(nonce.orElse("0"), 64, "nonce");
    if (nonceValue.compareTo(MAX_NONCE) > 0) {
      throw fail(
          "account " + address + ": nonce " + nonceValue + " is above 2^63-1, the largest stored");
    }
    TreeMap<Hash, Word> slots = new TreeMap<>();
    storage.forEach(
        (slot, value) -> {
          Hash key = Hash.of(word(slot, "storage slot").bytes());
          Word word = word(value, "storage value of slot " + slot);
          if (slots.put(key, word) != null) {
            throw fail("account " + address + ": storage slot " + key + " is given twice");
          }
        });
    slots.values().removeIf(Word::isZero);
    Allocation allocation = new Allocation(balance, nonceValue.longValueExact(), slots);
    if (Account.of(allocation.nonce(), allocation.balance()).isEmpty()) {
      throw fail(
          "account "
              + address
              + " is empty (balance 0, nonce 0): an empty account is deleted when touched"
              + " (EIP-161); give it a balance or a nonce");
    }
    return allocation;
  }

  /** A decimal or {@code 0x}-hex integer below 2^bits. */
  private BigInteger quantity(String text, int bits, String what) {
    return GenesisText.quantity(origin + ": account " + address + ": " + what, text, bits);
  }

  /** {@code 0x} and exactly 64 hex digits, as geth's {@code common.Hash}. */
  private Word word(String text, String what) {
    if (!text.matches("0x[0-9a-fA-F]{64}")) {
      throw fail(
          "account "
              + address
              + ": "
              + what
              + " '"
              + text
              + "' is not 0x and 64 hex digits (in YAML quote it, or YAML reads it as a number)");
    }
    return Word.fromHex(text);
  }

  private GenesisAllocException fail(String problem) {
    return new GenesisAllocException(origin + ": " + problem);
  }
}
