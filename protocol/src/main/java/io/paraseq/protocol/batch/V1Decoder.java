package io.paraseq.protocol.batch;

import io.paraseq.protocol.tx.AccessListEntry;
import io.paraseq.protocol.tx.AccessListTransaction;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.LegacyTransaction;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.TransactionSignature;
import io.paraseq.protocol.tx.UnsignedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the v1 columnar payload (docs/batch-format.md, "v1") and rebuilds every transaction's raw
 * bytes, which must pass the strict transaction decoder; also v2, whose address table starts with
 * references to the {@link AddressRegistry} and whose new addresses must all be new ("v2"). Reads
 * the registry, never changes it. One instance per payload; not thread-safe.
 */
final class V1Decoder {

  /** The least bytes a transaction takes in the payload: its type, r and s. */
  private static final int MIN_TX_BYTES = 1 + 2 * TransactionSignature.SCALAR_LENGTH;

  private static final int TYPE_LEGACY = 0;
  private static final int TYPE_ACCESS_LIST = 1;
  private static final int TYPE_DYNAMIC_FEE = 2;

  private final ByteSource in;
  private final ChainId chainId;
  private final AddressRegistry registry;
  private final BatchVersion version;
  private final V1Columns columns = new V1Columns();

  private V1Decoder(
      byte[] payload, ChainId chainId, AddressRegistry registry, BatchVersion version) {
    this.in = new ByteSource(payload);
    this.chainId = chainId;
    this.registry = registry;
    this.version = version;
  }

  /**
   * The blocks, claimed senders and registry appends in {@code payload}.
   *
   * @param registry the registry before this batch
   * @param version {@link BatchVersion#V1} or {@link BatchVersion#V2}
   * @throws RejectedBatchException for any bad payload
   */
  static DecodedBatch decode(
      byte[] payload,
      ChainId chainId,
      Codec codec,
      AddressRegistry registry,
      BatchVersion version) {
    return new V1Decoder(payload, chainId, registry, version).read(codec);
  }

  private DecodedBatch read(Codec codec) {
    long[][] blockFields = readBlocks();
    int n = columns.txCount;
    int[] types = new int[n];
    for (int i = 0; i < n; i++) {
      types[i] = in.u8("type");
      if (types[i] > TYPE_DYNAMIC_FEE) {
        throw reject(BatchDecodeError.OUT_OF_RANGE, "transaction " + i + " type " + types[i]);
      }
    }
    List<Address> table =
        version == BatchVersion.V2 ? readRegistryAddressTable() : readAddressTable();
    int[] senders = new int[n];
    for (int i = 0; i < n; i++) {
      senders[i] = in.varInt("sender", table.size() - 1);
      columns.useTableEntry(senders[i]);
    }
    long[] nonces = readNonces(senders);
    int[] toRefs = new int[n];
    for (int i = 0; i < n; i++) {
      toRefs[i] = readReference("to", table.size(), true);
    }
    long[] gasLimits = new long[n];
    for (int i = 0; i < n; i++) {
      gasLimits[i] = in.varLong("gasLimit");
    }
    BigInteger[] values = readValues(n);
    List<Wei> feeTable = readFeeTable();
    Wei[][] fees = readFeeColumn(types, feeTable);
    Bytes[] data = readData(n);
    List<List<RefEntry>> accessLists = readAccessLists(types, table.size());
    List<Address> inline = readInline();
    int[] parities = readParities(n);
    Bytes[] r = readScalars(n, "r");
    Bytes[] s = readScalars(n, "s");
    in.finish();
    columns.requireAllUsed(table.size(), feeTable.size());
    if (version == BatchVersion.V2) {
      requireNew(table, inline);
    }

    InlineCursor inlineCursor = new InlineCursor(inline);
    List<Optional<Address>> tos = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      tos.add(resolve(toRefs[i], table, inlineCursor));
    }
    List<Bytes> raws = new ArrayList<>(n);
    List<Address> claimed = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<AccessListEntry> accessList = new ArrayList<>();
      for (RefEntry entry : accessLists.get(i)) {
        Address address = resolve(entry.ref(), table, inlineCursor).orElseThrow();
        accessList.add(new AccessListEntry(address, entry.keys()));
      }
      UnsignedTransaction payload =
          switch (types[i]) {
            case TYPE_LEGACY ->
                new LegacyTransaction(
                    nonces[i],
                    fees[i][0],
                    gasLimits[i],
                    tos.get(i),
                    new Wei(values[i]),
                    data[i],
                    Optional.of(chainId));
            case TYPE_ACCESS_LIST ->
                new AccessListTransaction(
                    chainId,
                    nonces[i],
                    fees[i][0],
                    gasLimits[i],
                    tos.get(i),
                    new Wei(values[i]),
                    data[i],
                    accessList);
            default ->
                new DynamicFeeTransaction(
                    chainId,
                    nonces[i],
                    fees[i][0],
                    fees[i][1],
                    gasLimits[i],
                    tos.get(i),
                    new Wei(values[i]),
                    data[i],
                    accessList);
          };
      Bytes raw =
          new SignedTransaction(payload, new TransactionSignature(parities[i], r[i], s[i]))
              .encoded();
      BatchRules.userTransaction(raw, i);
      raws.add(raw);
      claimed.add(table.get(senders[i]));
    }
    List<Address> mentioned = new ArrayList<>(table);
    mentioned.addAll(inline);
    return new DecodedBatch(
        version, codec, assemble(blockFields, raws), claimed, registry.unregistered(mentioned));
  }

  private long[][] readBlocks() {
    int blockCount = in.count("blockCount", 1);
    if (blockCount == 0) {
      throw reject(BatchDecodeError.NO_BLOCKS, "0 blocks");
    }
    long[][] fields = new long[blockCount][5];
    long number = in.varNonNegative("firstNumber");
    long timestamp = in.varNonNegative("firstTimestamp");
    long cursor = in.varNonNegative("firstDepositCursor");
    long l1BaseFee = in.varNonNegative("firstL1BaseFee");
    long total = 0;
    for (int b = 0; b < blockCount; b++) {
      fields[b][3] = in.count("txCount", MIN_TX_BYTES);
      total += fields[b][3];
      if (total > in.remaining() / MIN_TX_BYTES) {
        throw reject(BatchDecodeError.MALFORMED_PAYLOAD, "more transactions than bytes allow");
      }
    }
    for (int b = 0; b < blockCount; b++) {
      if (b > 0) {
        timestamp = add(timestamp, in.varNonNegative("timestampDelta"), "timestamp");
      }
      fields[b][1] = timestamp;
    }
    for (int b = 0; b < blockCount; b++) {
      if (b > 0) {
        cursor = add(cursor, in.varNonNegative("depositCursorDelta"), "depositCursor");
      }
      fields[b][2] = cursor;
      fields[b][0] = add(number, b, "number");
    }
    for (int b = 0; b < blockCount; b++) {
      if (b > 0) {
        l1BaseFee = addSigned(l1BaseFee, V1Encoder.unZigZag(in.varLong("l1BaseFeeDelta")));
      }
      fields[b][4] = l1BaseFee;
    }
    columns.txCount = (int) total;
    return fields;
  }

  private List<Address> readAddressTable() {
    int size = in.count("addressCount", Address.LENGTH);
    List<Address> table = new ArrayList<>(size);
    Set<Address> seen = new HashSet<>();
    for (int k = 0; k < size; k++) {
      Address address = Address.of(Bytes.of(in.bytes(Address.LENGTH, "address")));
      if (!seen.add(address)) {
        throw reject(BatchDecodeError.NON_CANONICAL, "address " + address + " listed twice");
      }
      table.add(address);
    }
    columns.tableUses = new boolean[size];
    return table;
  }

  /**
   * The v2 address table: registry references (as gaps), then new addresses, none registered and
   * none twice.
   */
  private List<Address> readRegistryAddressTable() {
    int references = in.count("registryReferenceCount", 1);
    if (references > registry.size()) {
      throw reject(
          BatchDecodeError.OUT_OF_RANGE,
          references + " registry references, the registry holds " + registry.size());
    }
    List<Address> table = new ArrayList<>(references);
    long index = -1;
    for (int k = 0; k < references; k++) {
      index = index + 1 + in.varNonNegative("registryReferenceGap");
      if (index >= registry.size()) {
        throw reject(
            BatchDecodeError.OUT_OF_RANGE,
            "registry reference " + index + " past the registry's " + registry.size() + " entries");
      }
      table.add(registry.get((int) index));
    }
    int size = in.count("newAddressCount", Address.LENGTH);
    Set<Address> seen = new HashSet<>();
    for (int k = 0; k < size; k++) {
      Address address = Address.of(Bytes.of(in.bytes(Address.LENGTH, "address")));
      requireUnregistered("new address", address);
      if (!seen.add(address)) {
        throw reject(BatchDecodeError.NON_CANONICAL, "address " + address + " listed twice");
      }
      table.add(address);
    }
    columns.tableUses = new boolean[table.size()];
    return table;
  }

  /** v2: {@code address} (a {@code what}) must not be a registry entry. */
  private void requireUnregistered(String what, Address address) {
    if (registry.contains(address)) {
      throw reject(
          BatchDecodeError.NON_CANONICAL,
          what + " " + address + " is registry entry " + registry.indexOf(address).orElseThrow());
    }
  }

  /**
   * v2: an inline address is new (not registered, not in the table, not inline twice); else it had
   * to be a table reference.
   */
  private void requireNew(List<Address> table, List<Address> inline) {
    Set<Address> seen = new HashSet<>(table);
    for (Address address : inline) {
      requireUnregistered("inline address", address);
      if (!seen.add(address)) {
        throw reject(
            BatchDecodeError.NON_CANONICAL,
            "inline address " + address + " is in the address table or inline twice");
      }
    }
  }

  private long[] readNonces(int[] senders) {
    int n = senders.length;
    boolean[] seen = new boolean[columns.tableUses.length];
    List<Integer> firstIndexes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!seen[senders[i]]) {
        seen[senders[i]] = true;
        firstIndexes.add(i);
      }
    }
    long[] nonces = new long[n];
    boolean[] explicit = new boolean[n];
    for (int first : firstIndexes) {
      nonces[first] = in.varLong("firstNonce");
      explicit[first] = true;
    }
    int exceptions = in.count("nonceExceptionCount", 2);
    int index = -1;
    long[] exceptionNonces = new long[n];
    boolean[] isException = new boolean[n];
    for (int e = 0; e < exceptions; e++) {
      index = index + 1 + in.varInt("nonceExceptionGap", n);
      if (index >= n) {
        throw reject(BatchDecodeError.OUT_OF_RANGE, "nonce exception at transaction " + index);
      }
      if (explicit[index]) {
        throw reject(
            BatchDecodeError.NON_CANONICAL,
            "nonce exception at transaction " + index + ", its sender's first");
      }
      isException[index] = true;
      exceptionNonces[index] = in.varLong("nonceException");
    }
    long[] last = new long[seen.length];
    for (int i = 0; i < n; i++) {
      int sender = senders[i];
      if (!explicit[i]) {
        boolean overflow = last[sender] == -1L;
        if (isException[i]) {
          if (!overflow && exceptionNonces[i] == last[sender] + 1) {
            throw reject(
                BatchDecodeError.NON_CANONICAL,
                "nonce exception at transaction " + i + " repeats the implied nonce");
          }
          nonces[i] = exceptionNonces[i];
        } else if (overflow) {
          throw reject(BatchDecodeError.NONCE_OVERFLOW, "transaction " + i);
        } else {
          nonces[i] = last[sender] + 1;
        }
      }
      last[sender] = nonces[i];
    }
    return nonces;
  }

  private BigInteger[] readValues(int n) {
    int[] exponents = new int[n];
    for (int i = 0; i < n; i++) {
      exponents[i] = in.u8("valueExponent");
      if (exponents[i] > DecimalValue.MAX_EXPONENT) {
        throw reject(BatchDecodeError.OUT_OF_RANGE, "value exponent " + exponents[i]);
      }
    }
    BigInteger[] values = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      DecimalValue value = new DecimalValue(in.varBig("valueMantissa", Wei.BITS), exponents[i]);
      if (!value.isCanonical()) {
        throw reject(BatchDecodeError.NON_CANONICAL, "value of transaction " + i);
      }
      values[i] = value.value();
      if (values[i].bitLength() > Wei.BITS) {
        throw reject(BatchDecodeError.OUT_OF_RANGE, "value of transaction " + i);
      }
    }
    return values;
  }

  private List<Wei> readFeeTable() {
    int size = in.count("feeCount", 1);
    List<Wei> fees = new ArrayList<>(size);
    Set<Wei> seen = new HashSet<>();
    for (int k = 0; k < size; k++) {
      Wei fee = new Wei(in.varBig("fee", Wei.BITS));
      if (!seen.add(fee)) {
        throw reject(BatchDecodeError.NON_CANONICAL, "fee " + fee + " listed twice");
      }
      fees.add(fee);
    }
    columns.feeUses = new boolean[size];
    return fees;
  }

  private Wei[][] readFeeColumn(int[] types, List<Wei> feeTable) {
    Wei[][] fees = new Wei[types.length][];
    for (int i = 0; i < types.length; i++) {
      fees[i] = new Wei[types[i] == TYPE_DYNAMIC_FEE ? 2 : 1];
      for (int f = 0; f < fees[i].length; f++) {
        int index = in.varInt("feeIndex", feeTable.size() - 1);
        columns.feeUses[index] = true;
        fees[i][f] = feeTable.get(index);
      }
    }
    return fees;
  }

  private Bytes[] readData(int n) {
    int[] lengths = new int[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      lengths[i] = in.varInt("dataLength", in.remaining());
      total += lengths[i];
      if (total > in.remaining()) {
        throw reject(BatchDecodeError.MALFORMED_PAYLOAD, "calldata longer than the payload");
      }
    }
    Bytes[] data = new Bytes[n];
    for (int i = 0; i < n; i++) {
      data[i] = lengths[i] == 0 ? Bytes.EMPTY : Bytes.of(in.bytes(lengths[i], "data"));
    }
    return data;
  }

  private List<List<RefEntry>> readAccessLists(int[] types, int tableSize) {
    List<List<RefEntry>> lists = new ArrayList<>(types.length);
    for (int type : types) {
      if (type == TYPE_LEGACY) {
        lists.add(List.of());
        continue;
      }
      int entries = in.count("accessListLength", 2);
      List<RefEntry> list = new ArrayList<>(entries);
      for (int e = 0; e < entries; e++) {
        int ref = readReference("accessListAddress", tableSize, false);
        int keyCount = in.count("storageKeyCount", Hash.LENGTH);
        List<Hash> keys = new ArrayList<>(keyCount);
        for (int k = 0; k < keyCount; k++) {
          keys.add(Hash.of(Bytes.of(in.bytes(Hash.LENGTH, "storageKey"))));
        }
        list.add(new RefEntry(ref, keys));
      }
      lists.add(list);
    }
    return lists;
  }

  private int readReference(String field, int tableSize, boolean noneAllowed) {
    int ref = in.varInt(field, V1Encoder.REF_TABLE + tableSize - 1);
    if (ref == V1Encoder.REF_NONE && !noneAllowed) {
      throw reject(BatchDecodeError.OUT_OF_RANGE, field + " reference 0");
    }
    if (ref == V1Encoder.REF_INLINE) {
      columns.inlineCount++;
    } else if (ref >= V1Encoder.REF_TABLE) {
      columns.useTableEntry(ref - V1Encoder.REF_TABLE);
    }
    return ref;
  }

  private List<Address> readInline() {
    List<Address> inline = new ArrayList<>(columns.inlineCount);
    for (int k = 0; k < columns.inlineCount; k++) {
      inline.add(Address.of(Bytes.of(in.bytes(Address.LENGTH, "inlineAddress"))));
    }
    return inline;
  }

  private int[] readParities(int n) {
    byte[] packed = in.bytes((n + 7) / 8, "yParity");
    int[] parities = new int[n];
    for (int i = 0; i < n; i++) {
      parities[i] = (packed[i / 8] >>> (i % 8)) & 1;
    }
    if (n % 8 != 0 && (packed[n / 8] & 0xff) >>> (n % 8) != 0) {
      throw reject(BatchDecodeError.NON_CANONICAL, "unused yParity bits are set");
    }
    return parities;
  }

  private Bytes[] readScalars(int n, String field) {
    Bytes[] scalars = new Bytes[n];
    for (int i = 0; i < n; i++) {
      scalars[i] = Bytes.of(in.bytes(TransactionSignature.SCALAR_LENGTH, field));
    }
    return scalars;
  }

  private static Optional<Address> resolve(int ref, List<Address> table, InlineCursor inline) {
    if (ref == V1Encoder.REF_NONE) {
      return Optional.empty();
    }
    if (ref == V1Encoder.REF_INLINE) {
      return Optional.of(inline.next());
    }
    return Optional.of(table.get(ref - V1Encoder.REF_TABLE));
  }

  private static List<BatchBlock> assemble(long[][] fields, List<Bytes> raws) {
    List<BatchBlock> blocks = new ArrayList<>(fields.length);
    int next = 0;
    for (long[] block : fields) {
      int count = (int) block[3];
      blocks.add(
          new BatchBlock(
              block[0], block[1], block[2], Wei.of(block[4]), raws.subList(next, next + count)));
      next += count;
    }
    return blocks;
  }

  private static long add(long base, long delta, String field) {
    long sum = base + delta;
    if (sum < 0) {
      throw reject(BatchDecodeError.OUT_OF_RANGE, field + " above 2^63-1");
    }
    return sum;
  }

  /** {@code base} + {@code delta} for an L1 base fee: the sum must be in [0, 2^63-1]. */
  private static long addSigned(long base, long delta) {
    long sum = base + delta;
    boolean overflow = ((base ^ sum) & (delta ^ sum)) < 0;
    if (overflow || sum < 0) {
      throw reject(
          BatchDecodeError.OUT_OF_RANGE,
          "l1BaseFee " + base + " + delta " + delta + " not in [0, 2^63-1]");
    }
    return sum;
  }

  private static RejectedBatchException reject(BatchDecodeError reason, String detail) {
    return new RejectedBatchException(reason, detail);
  }

  /** An access-list entry before its address reference is resolved. */
  private record RefEntry(int ref, List<Hash> keys) {}

  /** Hands out the inline addresses in the order they were referenced. */
  private static final class InlineCursor {
    private final List<Address> addresses;
    private int next;

    InlineCursor(List<Address> addresses) {
      this.addresses = addresses;
    }

    Address next() {
      return addresses.get(next++);
    }
  }

  /** What the columns read so far used: counts and table-entry uses, for the canonical checks. */
  private static final class V1Columns {
    int txCount;
    int inlineCount;
    boolean[] tableUses = new boolean[0];
    boolean[] feeUses = new boolean[0];

    void useTableEntry(int index) {
      tableUses[index] = true;
    }

    void requireAllUsed(int tableSize, int feeSize) {
      for (int k = 0; k < tableSize; k++) {
        if (!tableUses[k]) {
          throw reject(BatchDecodeError.NON_CANONICAL, "address table entry " + k + " unused");
        }
      }
      for (int k = 0; k < feeSize; k++) {
        if (!feeUses[k]) {
          throw reject(BatchDecodeError.NON_CANONICAL, "fee table entry " + k + " unused");
        }
      }
    }
  }
}
