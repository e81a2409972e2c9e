package io.paraseq.protocol.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DepositTransaction;
import io.paraseq.protocol.tx.LegacyTransaction;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BatchCodecTest {

  private static final RandomBatches.Batch BATCH = new RandomBatches(7).batch(120, 6);

  @ParameterizedTest
  @EnumSource(Codec.class)
  void v0RoundTripsEveryCodec(Codec codec) {
    Bytes data = BatchEncoder.encodeV0(BATCH.blocks(), codec, codec.defaultLevel());

    DecodedBatch decoded = decode(data);

    assertThat(data.get(0)).isEqualTo((byte) 0x00);
    assertThat(data.get(1)).isEqualTo((byte) codec.id());
    assertThat(decoded.version()).isEqualTo(BatchVersion.V0);
    assertThat(decoded.codec()).isEqualTo(codec);
    assertThat(decoded.blocks()).isEqualTo(BATCH.blocks());
    assertThat(decoded.claimedSenders()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Codec.class)
  void v1RoundTripsEveryCodecByteForByte(Codec codec) {
    Bytes data =
        BatchEncoder.encodeV1(
            BATCH.blocks(), BATCH.senders(), RandomBatches.CHAIN, codec, codec.maxLevel());

    DecodedBatch decoded = decode(data);

    assertThat(data.get(0)).isEqualTo((byte) 0x01);
    assertThat(decoded.version()).isEqualTo(BatchVersion.V1);
    assertThat(decoded.blocks()).isEqualTo(BATCH.blocks());
    assertThat(decoded.claimedSenders()).isEqualTo(BATCH.senders());
    assertThat(BatchSenders.verify(decoded)).isEmpty();
  }

  @Test
  void everyLevelOfEveryCodecDecodes() {
    for (Codec codec : Codec.values()) {
      for (int level = codec.minLevel(); level <= codec.maxLevel(); level++) {
        Bytes data =
            BatchEncoder.encodeV1(
                BATCH.blocks(), BATCH.senders(), RandomBatches.CHAIN, codec, level);
        assertThat(decode(data).blocks()).as("%s-%d", codec, level).isEqualTo(BATCH.blocks());
      }
    }
  }

  @Test
  void recoveredSendersAreTheSigners() {
    assertThat(BatchSenders.recover(BATCH.blocks())).isEqualTo(BATCH.senders());
  }

  @Test
  void aWrongClaimedSenderIsFoundByTheVerifier() {
    List<Address> senders = new ArrayList<>(BATCH.senders());
    Address impostor = Address.fromHex("0x00000000000000000000000000000000000000aa");
    senders.set(5, impostor);

    DecodedBatch decoded =
        decode(BatchEncoder.encodeV1(BATCH.blocks(), senders, RandomBatches.CHAIN, Codec.NONE, 0));

    assertThat(decoded.blocks()).isEqualTo(BATCH.blocks());
    assertThat(BatchSenders.verify(decoded))
        .contains(new BatchSenders.Mismatch(5, impostor, Optional.of(BATCH.senders().get(5))));
  }

  @Test
  void emptyBlocksAndASingleEmptyBlockRoundTrip() {
    List<BatchBlock> blocks =
        List.of(
            new BatchBlock(1, 10, 0, Wei.of(7_000_000_000L), List.of()),
            new BatchBlock(2, 10, 3, Wei.ZERO, List.of()));
    for (Bytes data :
        List.of(
            BatchEncoder.encodeV0(blocks, Codec.ZSTD, 3),
            BatchEncoder.encodeV1(blocks, List.of(), RandomBatches.CHAIN, Codec.ZSTD, 3))) {
      assertThat(decode(data).blocks()).isEqualTo(blocks);
    }
  }

  @Test
  void theEncoderRefusesWhatNoDecoderAccepts() {
    BatchBlock one = BATCH.blocks().getFirst();
    List<Address> senders = BATCH.senders().subList(0, one.transactions().size());

    assertThatThrownBy(() -> BatchEncoder.encodeV0(List.of(), Codec.NONE, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NO_BLOCKS");
    BatchBlock gap =
        new BatchBlock(one.number() + 2, one.timestamp(), one.depositCursor(), Wei.ZERO, List.of());
    assertThatThrownBy(() -> BatchEncoder.encodeV0(List.of(one, gap), Codec.NONE, 0))
        .hasMessageContaining("BLOCK_SEQUENCE");
    BatchBlock earlier =
        new BatchBlock(one.number() + 1, one.timestamp() - 1, 0, Wei.ZERO, List.of());
    assertThatThrownBy(() -> BatchEncoder.encodeV0(List.of(one, earlier), Codec.NONE, 0))
        .hasMessageContaining("BLOCK_SEQUENCE");
    assertThatThrownBy(
            () -> BatchEncoder.encodeV1(List.of(one), senders, ChainId.of(1), Codec.NONE, 0))
        .hasMessageContaining("signed for chain 3195");
    assertThatThrownBy(
            () ->
                BatchEncoder.encodeV1(List.of(one), List.of(), RandomBatches.CHAIN, Codec.NONE, 0))
        .hasMessageContaining("senders for");
    assertThatThrownBy(() -> BatchEncoder.encodeV0(List.of(one), Codec.ZSTD, 23))
        .hasMessageContaining("levels are 1..22");
  }

  @Test
  void depositsAndUnprotectedLegacyTransactionsAreNotBatchData() {
    Bytes deposit =
        new DepositTransaction(
                DepositTransaction.userDepositSourceHash(Hash.ZERO, 1),
                Address.ZERO,
                Address.ZERO,
                Wei.of(5),
                Wei.ZERO,
                21_000,
                false,
                Bytes.EMPTY)
            .encoded();
    Bytes unprotected =
        TransactionSigner.sign(
                new LegacyTransaction(
                    0,
                    Wei.of(1),
                    21_000,
                    Optional.of(Address.ZERO),
                    Wei.ZERO,
                    Bytes.EMPTY,
                    Optional.empty()),
                RandomBatches.key(1))
            .encoded();
    List<BatchBlock> withDeposit = List.of(new BatchBlock(1, 1, 1, Wei.ZERO, List.of(deposit)));
    List<BatchBlock> withUnprotected =
        List.of(new BatchBlock(1, 1, 1, Wei.ZERO, List.of(unprotected)));

    assertThatThrownBy(() -> BatchEncoder.encodeV0(withDeposit, Codec.NONE, 0))
        .hasMessageContaining("DEPOSIT_IN_BATCH");
    assertThatThrownBy(
            () ->
                BatchEncoder.encodeV1(
                    withUnprotected, List.of(Address.ZERO), RandomBatches.CHAIN, Codec.NONE, 0))
        .hasMessageContaining("signed for chain none");
    // v0 carries transactions as they are, chain ids included: an unprotected one is data.
    assertThat(decode(BatchEncoder.encodeV0(withUnprotected, Codec.NONE, 0)).blocks())
        .isEqualTo(withUnprotected);
  }

  @Test
  void v1IsSmallerThanV0ForRepetitiveTransfers() {
    Bytes v0 = BatchEncoder.encodeV0(BATCH.blocks(), Codec.ZSTD, 19);
    Bytes v1 =
        BatchEncoder.encodeV1(BATCH.blocks(), BATCH.senders(), RandomBatches.CHAIN, Codec.ZSTD, 19);
    assertThat(v1.length()).isLessThan(v0.length());
  }

  static DecodedBatch decode(Bytes data) {
    return BatchDecoder.decode(data, RandomBatches.CHAIN).orElseThrow();
  }
}
