package io.paraseq.protocol.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Format v2: address table entries that reference the registry, and its strict rules. */
class BatchV2Test {

  private static final PrivateKey KEY = RandomBatches.key(5);
  private static final Address SENDER = RandomBatches.address(KEY);
  private static final Address TO = AddressRegistryTest.address(40);
  private static final Address OTHER = AddressRegistryTest.address(41);

  @Test
  void aLaterBatchReferencesTheAddressesOfEarlierOnesAndAppendsOnlyNewOnes() {
    RandomBatches batches = new RandomBatches(3);
    RandomBatches.Batch first = batches.batch(40, 4);
    RandomBatches.Batch second = batches.batch(40, 4);
    AddressRegistry registry = AddressRegistry.empty();

    EncodedBatchData one = encode(first, registry);
    DecodedBatch decodedOne = decode(one.data(), registry);
    assertThat(decodedOne.blocks()).isEqualTo(first.blocks());
    assertThat(decodedOne.registryAppends()).isEqualTo(one.registryAppends()).isNotEmpty();
    assertThat(one.registryAppends()).containsAll(first.senders());
    registry.append(one.registryAppends());

    EncodedBatchData two = encode(second, registry);
    DecodedBatch decodedTwo = decode(two.data(), registry);
    assertThat(decodedTwo.version()).isEqualTo(BatchVersion.V2);
    assertThat(decodedTwo.blocks()).isEqualTo(second.blocks());
    assertThat(decodedTwo.claimedSenders()).isEqualTo(second.senders());
    assertThat(decodedTwo.registryAppends()).isEqualTo(two.registryAppends());
    assertThat(two.registryAppends()).doesNotContainAnyElementsOf(registry.entriesFrom(0));

    // the same batch costs more against an empty registry: every sender written out again
    EncodedBatchData cold = encode(second, AddressRegistry.empty());
    assertThat(payload(two).length).isLessThan(payload(cold).length);
  }

  @Test
  void v1BatchesAppendTheirTableAndInlineAddressesToo() {
    RandomBatches.Batch batch = new RandomBatches(4).batch(30, 3);
    AddressRegistry registry = AddressRegistry.of(List.of(batch.senders().getFirst()));
    EncodedBatchData v1 =
        BatchEncoder.encode(
            BatchVersion.V1,
            batch.blocks(),
            batch.senders(),
            RandomBatches.CHAIN,
            registry,
            Codec.NONE,
            0);

    DecodedBatch decoded = decode(v1.data(), registry);
    assertThat(decoded.registryAppends()).isEqualTo(v1.registryAppends());
    assertThat(decoded.registryAppends()).doesNotContain(batch.senders().getFirst());
    assertThat(decoded.registryAppends())
        .containsAll(
            batch.senders().stream().filter(s -> !s.equals(batch.senders().getFirst())).toList());
  }

  @Test
  void theTableIsSortedRegistryReferencesThenNewAddresses() {
    // registry [OTHER, SENDER]: the sender is entry 1, the one-off recipient TO is inline
    Layout layout = layout(AddressRegistry.of(List.of(OTHER, SENDER)));
    assertThat(layout.table()).containsExactly(1, 1, 0); // 1 reference, gap 1, 0 new
    assertThat(layout.inline()).isEqualTo(TO.bytes().toArray());
    assertThat(decode(layout.data(), layout.registry()).registryAppends()).containsExactly(TO);
  }

  @Test
  void aReferencePastTheRegistrysEndIsRejected() {
    Layout layout = layout(AddressRegistry.of(List.of(OTHER, SENDER)));
    assertThat(layout.rejectTable(bytes(1, 2, 0))).isEqualTo(BatchDecodeError.OUT_OF_RANGE);
    assertThat(layout.rejectTable(bytes(3, 0, 0, 0, 0))).isEqualTo(BatchDecodeError.OUT_OF_RANGE);
    // decoded against a shorter registry, the same data points past its end
    assertThat(
            BatchDecoder.decode(
                    layout.data(), RandomBatches.CHAIN, AddressRegistry.of(List.of(OTHER)))
                .failureIfRejected()
                .orElseThrow()
                .reason())
        .isEqualTo(BatchDecodeError.OUT_OF_RANGE);
  }

  @Test
  void aNonMinimalReferenceGapIsRejected() {
    Layout layout = layout(AddressRegistry.of(List.of(OTHER, SENDER)));
    assertThat(layout.rejectTable(bytes(1, 0x81, 0x00, 0)))
        .isEqualTo(BatchDecodeError.NON_CANONICAL);
  }

  @Test
  void aNewAddressThatIsRegisteredIsRejected() {
    Layout layout = layout(AddressRegistry.of(List.of(OTHER, SENDER)));
    assertThat(layout.rejectTable(concat(bytes(0, 1), SENDER.bytes().toArray())))
        .isEqualTo(BatchDecodeError.NON_CANONICAL);
  }

  @Test
  void aNewAddressListedTwiceIsRejected() {
    Layout layout = layout(AddressRegistry.of(List.of(OTHER)));
    assertThat(layout.table()).isEqualTo(concat(bytes(0, 1), SENDER.bytes().toArray()));
    byte[] twice = concat(bytes(0, 2), concat(SENDER.bytes().toArray(), SENDER.bytes().toArray()));
    assertThat(layout.rejectTable(twice)).isEqualTo(BatchDecodeError.NON_CANONICAL);
  }

  @Test
  void anInlineAddressThatIsRegisteredOrInTheTableIsRejected() {
    Layout layout = layout(AddressRegistry.of(List.of(OTHER)));
    assertThat(layout.rejectInline(OTHER)).isEqualTo(BatchDecodeError.NON_CANONICAL);
    assertThat(layout.rejectInline(SENDER)).isEqualTo(BatchDecodeError.NON_CANONICAL);
  }

  @Test
  void anInlineAddressUsedTwiceIsRejected() {
    // two transactions to TO, both written inline instead of one table entry
    DynamicFeeTransaction tx = transfer(0);
    DynamicFeeTransaction next = transfer(1);
    List<Bytes> raws =
        List.of(
            TransactionSigner.sign(tx, KEY).encoded(), TransactionSigner.sign(next, KEY).encoded());
    BatchBlock block = new BatchBlock(1, 1, 0, Wei.of(7), raws);
    AddressRegistry registry = AddressRegistry.of(List.of(SENDER));
    byte[] payload =
        payload(
            BatchEncoder.encodeV2(
                List.of(block),
                List.of(SENDER, SENDER),
                RandomBatches.CHAIN,
                registry,
                Codec.NONE,
                0));
    // table [SENDER (ref 0), TO (new)]: to references 2+1 = 3 become inline (1), TO moves to the
    // end
    int table = blocksLength(List.of(block)) + 2;
    assertThat(Arrays.copyOfRange(payload, table, table + 23))
        .isEqualTo(concat(bytes(1, 0, 1), TO.bytes().toArray()));
    List<Byte> rebuilt = new ArrayList<>();
    add(rebuilt, Arrays.copyOfRange(payload, 0, table));
    add(rebuilt, bytes(1, 0, 0));
    int afterTable = table + 23;
    int inlineAt = payload.length - 1 - 2 * 64;
    byte[] middle = Arrays.copyOfRange(payload, afterTable, inlineAt);
    // the to column follows senders (0, 0), first nonce, exception count: find the two 3s
    int to = indexOf(middle, bytes(3, 3));
    middle[to] = 1;
    middle[to + 1] = 1;
    add(rebuilt, middle);
    add(rebuilt, TO.bytes().toArray());
    add(rebuilt, TO.bytes().toArray());
    add(rebuilt, Arrays.copyOfRange(payload, inlineAt, payload.length));
    assertThat(reason(frame(rebuilt), registry)).isEqualTo(BatchDecodeError.NON_CANONICAL);
  }

  /** A one-transaction v2 batch (SENDER to TO) encoded against {@code registry}, opened up. */
  private static Layout layout(AddressRegistry registry) {
    BatchBlock block =
        new BatchBlock(
            1, 1, 0, Wei.of(7), List.of(TransactionSigner.sign(transfer(0), KEY).encoded()));
    Bytes data =
        BatchEncoder.encodeV2(
                List.of(block), List.of(SENDER), RandomBatches.CHAIN, registry, Codec.NONE, 0)
            .data();
    byte[] payload = data.slice(2, data.length() - 2).toArray();
    int tableAt = blocksLength(List.of(block)) + 1;
    int references = payload[tableAt];
    int newAddresses = payload[tableAt + 1 + references];
    int tableEnd = tableAt + 2 + references + newAddresses * Address.LENGTH;
    int inlineAt = payload.length - 1 - 2 * 32 - Address.LENGTH; // before yParity, r, s
    return new Layout(registry, data, payload, tableAt, tableEnd, inlineAt);
  }

  private record Layout(
      AddressRegistry registry,
      Bytes data,
      byte[] payload,
      int tableAt,
      int tableEnd,
      int inlineAt) {

    byte[] table() {
      return Arrays.copyOfRange(payload, tableAt, tableEnd);
    }

    byte[] inline() {
      return Arrays.copyOfRange(payload, inlineAt, inlineAt + Address.LENGTH);
    }

    BatchDecodeError rejectTable(byte[] table) {
      List<Byte> rebuilt = new ArrayList<>();
      add(rebuilt, Arrays.copyOfRange(payload, 0, tableAt));
      add(rebuilt, table);
      add(rebuilt, Arrays.copyOfRange(payload, tableEnd, payload.length));
      return reason(frame(rebuilt), registry);
    }

    BatchDecodeError rejectInline(Address address) {
      byte[] copy = payload.clone();
      System.arraycopy(address.bytes().toArray(), 0, copy, inlineAt, Address.LENGTH);
      return reason(Bytes.of((byte) 2, (byte) 0).concat(Bytes.of(copy)), registry);
    }
  }

  private static DynamicFeeTransaction transfer(long nonce) {
    return new DynamicFeeTransaction(
        RandomBatches.CHAIN,
        nonce,
        Wei.of(1),
        Wei.of(2),
        21_000,
        Optional.of(TO),
        Wei.of(3),
        Bytes.EMPTY,
        List.of());
  }

  /** The length of the blocks section (section 1) of {@code blocks}, all in one block. */
  private static int blocksLength(List<BatchBlock> blocks) {
    BatchBlock block = blocks.getFirst();
    ByteSink sink = new ByteSink(16);
    sink.varLong(1);
    sink.varLong(block.number());
    sink.varLong(block.timestamp());
    sink.varLong(block.depositCursor());
    sink.varLong(block.l1BaseFee().value().longValueExact());
    sink.varLong(block.transactions().size());
    return sink.size();
  }

  private static EncodedBatchData encode(RandomBatches.Batch batch, AddressRegistry registry) {
    return BatchEncoder.encodeV2(
        batch.blocks(), batch.senders(), RandomBatches.CHAIN, registry, Codec.ZSTD, 3);
  }

  static DecodedBatch decode(Bytes data, AddressRegistry registry) {
    return BatchDecoder.decode(data, RandomBatches.CHAIN, registry).orElseThrow();
  }

  private static byte[] payload(EncodedBatchData encoded) {
    Codec codec = Codec.ofId(encoded.data().toArray()[1]).orElseThrow();
    return codec.decompress(encoded.data().toArray(), 2, BatchDecoder.MAX_PAYLOAD_BYTES);
  }

  private static BatchDecodeError reason(Bytes data, AddressRegistry registry) {
    return BatchDecoder.decode(data, RandomBatches.CHAIN, registry)
        .failureIfRejected()
        .orElseThrow()
        .reason();
  }

  private static Bytes frame(List<Byte> payload) {
    byte[] data = new byte[payload.size() + 2];
    data[0] = 2;
    for (int i = 0; i < payload.size(); i++) {
      data[i + 2] = payload.get(i);
    }
    return Bytes.of(data);
  }

  private static void add(List<Byte> out, byte[] bytes) {
    for (byte b : bytes) {
      out.add(b);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
