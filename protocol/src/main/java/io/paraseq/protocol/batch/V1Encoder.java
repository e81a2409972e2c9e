package io.paraseq.protocol.batch;

import io.paraseq.protocol.tx.AccessListEntry;
import io.paraseq.protocol.tx.AccessListTransaction;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.LegacyTransaction;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.UnsignedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes the v1 columnar payload (docs/batch-format.md, "v1"), and v2, which differs only in the
 * address table: it starts with references to the {@link AddressRegistry} ("v2"). One instance per
 * batch; reads the registry, never changes it; not thread-safe.
 */
final class V1Encoder {

  /** Reference to "no address" (contract creation) in the {@code to} column. */
  static final int REF_NONE = 0;

  /** Reference to the next inline address. */
  static final int REF_INLINE = 1;

  /** References from this value on name address table entry {@code ref - REF_TABLE}. */
  static final int REF_TABLE = 2;

  private final List<BatchBlock> blocks;
  private final List<SignedTransaction> txs;
  private final List<Address> senders;
  private final AddressRegistry registry;
  private final boolean v2;
  private int registryRefs;
  private final Map<Address, Integer> table = new LinkedHashMap<>();
  private final Map<Wei, Integer> fees = new LinkedHashMap<>();
  private final List<Address> inline = new ArrayList<>();
  private final ByteSink out;

  private V1Encoder(
      List<BatchBlock> blocks,
      List<SignedTransaction> txs,
      List<Address> senders,
      int rawBytes,
      AddressRegistry registry,
      boolean v2) {
    this.blocks = blocks;
    this.txs = txs;
    this.senders = senders;
    this.registry = registry;
    this.v2 = v2;
    this.out = new ByteSink(rawBytes);
  }

  /**
   * The payload of {@code blocks}, and what it appends to the registry.
   *
   * @param senders the sender of every transaction, in batch order
   * @param registry the registry before this batch
   * @param v2 format v2 (registry references) instead of v1
   * @throws IllegalArgumentException if a transaction is not a user transaction signed for {@code
   *     chainId}, or the sender list does not match the transactions
   */
  static Payload encode(
      List<BatchBlock> blocks,
      List<Address> senders,
      ChainId chainId,
      AddressRegistry registry,
      boolean v2) {
    List<SignedTransaction> txs = new ArrayList<>();
    int rawBytes = 0;
    for (BatchBlock block : blocks) {
      for (Bytes raw : block.transactions()) {
        SignedTransaction tx = BatchRules.requireUserTransaction(raw, txs.size());
        if (!tx.payload().signatureChainId().equals(Optional.of(chainId))) {
          throw new IllegalArgumentException(
              "transaction "
                  + txs.size()
                  + " is signed for chain "
                  + tx.payload().signatureChainId().map(ChainId::toString).orElse("none")
                  + ", the batch is for chain "
                  + chainId);
        }
        txs.add(tx);
        rawBytes += raw.length();
      }
    }
    if (senders.size() != txs.size()) {
      throw new IllegalArgumentException(
          senders.size() + " senders for " + txs.size() + " transactions");
    }
    return new V1Encoder(blocks, txs, senders, rawBytes, registry, v2).write();
  }

  /**
   * An encoded payload.
   *
   * @param bytes the payload
   * @param registryAppends what the batch appends to the registry
   */
  record Payload(byte[] bytes, List<Address> registryAppends) {}

  private Payload write() {
    buildTables();
    writeBlocks();
    for (SignedTransaction tx : txs) {
      out.u8(typeCode(tx.payload()));
    }
    writeAddressTable();
    writeSendersAndNonces();
    for (SignedTransaction tx : txs) {
      out.varLong(reference(tx.payload().to()));
    }
    for (SignedTransaction tx : txs) {
      out.varLong(tx.payload().gasLimit());
    }
    writeValues();
    writeFees();
    writeData();
    writeAccessLists();
    for (Address address : inline) {
      out.bytes(address.bytes().toArray());
    }
    writeSignatures();
    List<Address> mentioned = new ArrayList<>(table.keySet());
    mentioned.addAll(inline);
    return new Payload(out.toArray(), registry.unregistered(mentioned));
  }

  /**
   * v1: the count and the addresses. v2: the count of registry references, the references as gaps
   * (the first index, then each index minus the previous minus 1), the count of new addresses, the
   * new addresses.
   */
  private void writeAddressTable() {
    List<Address> entries = new ArrayList<>(table.keySet());
    if (!v2) {
      out.varLong(entries.size());
      for (Address address : entries) {
        out.bytes(address.bytes().toArray());
      }
      return;
    }
    out.varLong(registryRefs);
    int previous = -1;
    for (int k = 0; k < registryRefs; k++) {
      int index = registry.indexOf(entries.get(k)).orElseThrow();
      out.varLong(index - previous - 1);
      previous = index;
    }
    out.varLong(entries.size() - registryRefs);
    for (Address address : entries.subList(registryRefs, entries.size())) {
      out.bytes(address.bytes().toArray());
    }
  }

  private void buildTables() {
    Map<Address, Integer> uses = new HashMap<>();
    for (int i = 0; i < txs.size(); i++) {
      UnsignedTransaction payload = txs.get(i).payload();
      uses.merge(senders.get(i), 1, Integer::sum);
      payload.to().ifPresent(to -> uses.merge(to, 1, Integer::sum));
      for (AccessListEntry entry : payload.accessList()) {
        uses.merge(entry.address(), 1, Integer::sum);
      }
    }
    if (v2) {
      int[] registered =
          uses.keySet().stream()
              .map(registry::indexOf)
              .filter(OptionalInt::isPresent)
              .mapToInt(OptionalInt::getAsInt)
              .sorted()
              .toArray();
      for (int index : registered) {
        addToTable(registry.get(index));
      }
      registryRefs = registered.length;
    }
    for (int i = 0; i < txs.size(); i++) {
      UnsignedTransaction payload = txs.get(i).payload();
      addToTable(senders.get(i));
      payload.to().filter(to -> uses.get(to) > 1).ifPresent(this::addToTable);
      for (AccessListEntry entry : payload.accessList()) {
        if (uses.get(entry.address()) > 1) {
          addToTable(entry.address());
        }
      }
      for (Wei fee : feeFields(payload)) {
        fees.putIfAbsent(fee, fees.size());
      }
    }
  }

  private void addToTable(Address address) {
    table.putIfAbsent(address, table.size());
  }

  private void writeBlocks() {
    BatchBlock first = blocks.getFirst();
    out.varLong(blocks.size());
    out.varLong(first.number());
    out.varLong(first.timestamp());
    out.varLong(first.depositCursor());
    out.varLong(l1BaseFee(first));
    for (BatchBlock block : blocks) {
      out.varLong(block.transactions().size());
    }
    for (int i = 1; i < blocks.size(); i++) {
      out.varLong(blocks.get(i).timestamp() - blocks.get(i - 1).timestamp());
    }
    for (int i = 1; i < blocks.size(); i++) {
      out.varLong(blocks.get(i).depositCursor() - blocks.get(i - 1).depositCursor());
    }
    for (int i = 1; i < blocks.size(); i++) {
      out.varLong(zigZag(l1BaseFee(blocks.get(i)) - l1BaseFee(blocks.get(i - 1))));
    }
  }

  private static long l1BaseFee(BatchBlock block) {
    return block.l1BaseFee().value().longValueExact();
  }

  /** {@code delta} as an unsigned 64-bit value: 0, −1, 1, −2, 2, … map to 0, 1, 2, 3, 4, …. */
  static long zigZag(long delta) {
    return (delta << 1) ^ (delta >> 63);
  }

  /** The inverse of {@link #zigZag}. */
  static long unZigZag(long encoded) {
    return (encoded >>> 1) ^ -(encoded & 1);
  }

  private void writeSendersAndNonces() {
    Map<Integer, Long> lastNonce = new HashMap<>();
    List<Long> firstNonces = new ArrayList<>();
    ByteSink exceptions = new ByteSink(64);
    int exceptionCount = 0;
    int previousException = -1;
    for (int i = 0; i < txs.size(); i++) {
      int sender = table.get(senders.get(i));
      out.varLong(sender);
      long nonce = txs.get(i).payload().nonce();
      Long last = lastNonce.put(sender, nonce);
      if (last == null) {
        firstNonces.add(nonce);
      } else if (last == -1L || nonce != last + 1) {
        exceptions.varLong(i - previousException - 1);
        exceptions.varLong(nonce);
        previousException = i;
        exceptionCount++;
      }
    }
    for (long nonce : firstNonces) {
      out.varLong(nonce);
    }
    out.varLong(exceptionCount);
    out.append(exceptions);
  }

  private void writeValues() {
    List<DecimalValue> values = new ArrayList<>(txs.size());
    for (SignedTransaction tx : txs) {
      DecimalValue value = DecimalValue.of(tx.payload().value().value());
      values.add(value);
      out.u8(value.exponent());
    }
    for (DecimalValue value : values) {
      out.varBig(value.mantissa());
    }
  }

  private void writeFees() {
    out.varLong(fees.size());
    for (Wei fee : fees.keySet()) {
      out.varBig(fee.value());
    }
    for (SignedTransaction tx : txs) {
      for (Wei fee : feeFields(tx.payload())) {
        out.varLong(fees.get(fee));
      }
    }
  }

  private void writeData() {
    for (SignedTransaction tx : txs) {
      out.varLong(tx.payload().data().length());
    }
    for (SignedTransaction tx : txs) {
      out.bytes(tx.payload().data().toArray());
    }
  }

  private void writeAccessLists() {
    for (SignedTransaction tx : txs) {
      if (tx.payload() instanceof LegacyTransaction) {
        continue;
      }
      List<AccessListEntry> entries = tx.payload().accessList();
      out.varLong(entries.size());
      for (AccessListEntry entry : entries) {
        out.varLong(reference(Optional.of(entry.address())));
        out.varLong(entry.storageKeys().size());
        for (Hash key : entry.storageKeys()) {
          out.bytes(key.bytes().toArray());
        }
      }
    }
  }

  private void writeSignatures() {
    byte[] parities = new byte[(txs.size() + 7) / 8];
    for (int i = 0; i < txs.size(); i++) {
      if (txs.get(i).signature().yParity() == 1) {
        parities[i / 8] |= (byte) (1 << (i % 8));
      }
    }
    out.bytes(parities);
    for (SignedTransaction tx : txs) {
      out.bytes(tx.signature().r().toArray());
    }
    for (SignedTransaction tx : txs) {
      out.bytes(tx.signature().s().toArray());
    }
  }

  private int reference(Optional<Address> address) {
    if (address.isEmpty()) {
      return REF_NONE;
    }
    Integer index = table.get(address.get());
    if (index == null) {
      inline.add(address.get());
      return REF_INLINE;
    }
    return REF_TABLE + index;
  }

  /** The type code of the v1 type column: 0 legacy (EIP-155), 1 EIP-2930, 2 EIP-1559. */
  static int typeCode(UnsignedTransaction payload) {
    return switch (payload) {
      case LegacyTransaction legacy -> 0;
      case AccessListTransaction accessList -> 1;
      case DynamicFeeTransaction dynamicFee -> 2;
    };
  }

  /** The fee fields in column order: gas price, or priority fee then fee cap. */
  static List<Wei> feeFields(UnsignedTransaction payload) {
    return switch (payload) {
      case LegacyTransaction legacy -> List.of(legacy.gasPrice());
      case AccessListTransaction accessList -> List.of(accessList.gasPrice());
      case DynamicFeeTransaction dynamicFee ->
          List.of(dynamicFee.maxPriorityFeePerGas(), dynamicFee.maxFeePerGas());
    };
  }
}
