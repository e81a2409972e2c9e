package io.paraseq.protocol.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.rlp.RlpError;
import io.paraseq.protocol.rlp.RlpItem;
import io.paraseq.protocol.rlp.RlpList;
import io.paraseq.protocol.rlp.RlpReader;
import io.paraseq.protocol.rlp.RlpString;
import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Header encoding and hash against the ethereum/tests Cancun fixture, and strict decoding. */
class BlockHeaderTest {

  private static final Bytes GENESIS_HEADER =
      CancunFixture.headerOf(CancunFixture.GENESIS_BLOCK_RLP);
  private static final Bytes BLOCK_1_HEADER = CancunFixture.headerOf(CancunFixture.BLOCK_1_RLP);

  @Test
  void genesisHeaderOfTheCancunFixtureHasItsHash() {
    BlockHeader header = BlockHeader.decode(GENESIS_HEADER).orElseThrow();
    assertThat(header.hash()).isEqualTo(Hash.fromHex(CancunFixture.GENESIS_HASH));
    assertThat(header.encoded()).isEqualTo(GENESIS_HEADER);
  }

  @Test
  void block1HeaderOfTheCancunFixtureDecodesToItsFieldsAndHash() {
    BlockHeader header = BlockHeader.decode(BLOCK_1_HEADER).orElseThrow();
    // every field as listed in the fixture's blocks[0].blockHeader
    assertThat(header.parentHash()).isEqualTo(Hash.fromHex(CancunFixture.GENESIS_HASH));
    assertThat(header.ommersHash()).isEqualTo(BlockHeader.EMPTY_OMMERS_HASH);
    assertThat(header.beneficiary())
        .isEqualTo(Address.fromHex("0xba5e000000000000000000000000000000000000"));
    assertThat(header.stateRoot())
        .isEqualTo(
            Hash.fromHex("0x11639dcca0b44f2acb5b630a82c8a69cb82742b3711383ec4e111a554d27aea5"));
    assertThat(header.transactionsRoot())
        .isEqualTo(Hash.fromHex(CancunFixture.BLOCK_1_TRANSACTIONS_ROOT));
    assertThat(header.receiptsRoot()).isEqualTo(Hash.fromHex(CancunFixture.BLOCK_1_RECEIPTS_ROOT));
    assertThat(header.logsBloom()).isEqualTo(LogsBloom.EMPTY);
    assertThat(header.difficulty()).isZero();
    assertThat(header.number()).isEqualTo(1);
    assertThat(header.gasLimit()).isEqualTo(0x016345785d8a0000L);
    assertThat(header.gasUsed()).isEqualTo(0x014820);
    assertThat(header.timestamp()).isEqualTo(0x079e);
    assertThat(header.extraData()).isEqualTo(Bytes.fromHex("0x42"));
    assertThat(header.mixHash())
        .isEqualTo(
            Hash.fromHex("0x0000000000000000000000000000000000000000000000000000000000020000"));
    assertThat(header.nonce()).isEqualTo(BlockHeader.ZERO_NONCE);
    assertThat(header.baseFeePerGas()).isEqualTo(Wei.of(0x0314));
    assertThat(header.withdrawalsRoot()).isEqualTo(MerkleTrie.EMPTY_ROOT);
    assertThat(header.blobGasUsed()).isEqualTo(0x020000);
    assertThat(header.excessBlobGas()).isZero();
    assertThat(header.parentBeaconBlockRoot()).isEqualTo(Hash.ZERO);
    assertThat(header.hash()).isEqualTo(Hash.fromHex(CancunFixture.BLOCK_1_HASH));
    assertThat(header.encoded()).isEqualTo(BLOCK_1_HEADER);
  }

  @Test
  void aHeaderBuiltFromTheFixtureFieldsHasTheFixtureHash() {
    BlockHeader built =
        new BlockHeader(
            Hash.fromHex(CancunFixture.GENESIS_HASH),
            BlockHeader.EMPTY_OMMERS_HASH,
            Address.fromHex("0xba5e000000000000000000000000000000000000"),
            Hash.fromHex("0x11639dcca0b44f2acb5b630a82c8a69cb82742b3711383ec4e111a554d27aea5"),
            Hash.fromHex(CancunFixture.BLOCK_1_TRANSACTIONS_ROOT),
            Hash.fromHex(CancunFixture.BLOCK_1_RECEIPTS_ROOT),
            LogsBloom.EMPTY,
            0,
            1,
            0x016345785d8a0000L,
            0x014820,
            0x079e,
            Bytes.fromHex("0x42"),
            Hash.fromHex("0x0000000000000000000000000000000000000000000000000000000000020000"),
            BlockHeader.ZERO_NONCE,
            Wei.of(0x0314),
            MerkleTrie.EMPTY_ROOT,
            0x020000,
            0,
            Hash.ZERO);
    assertThat(built.hash()).isEqualTo(Hash.fromHex(CancunFixture.BLOCK_1_HASH));
  }

  @Test
  void paraseqHeadersUseThePostMergeAndEmptyCancunValues() {
    BlockHeader header =
        BlockHeader.paraseq(
            Hash.ZERO,
            Address.ZERO,
            MerkleTrie.EMPTY_ROOT,
            MerkleTrie.EMPTY_ROOT,
            MerkleTrie.EMPTY_ROOT,
            LogsBloom.EMPTY,
            0,
            30_000_000,
            0,
            1_700_000_000,
            Bytes.EMPTY,
            Hash.ZERO,
            Wei.of(1_000_000_000));
    assertThat(header.ommersHash())
        .isEqualTo(Hash.keccak(new RlpWriter().startList().endList().toBytes()));
    assertThat(header.difficulty()).isZero();
    assertThat(header.nonce()).isEqualTo(Bytes.fromHex("0x0000000000000000"));
    assertThat(header.withdrawalsRoot()).isEqualTo(MerkleTrie.EMPTY_ROOT);
    assertThat(header.blobGasUsed()).isZero();
    assertThat(header.excessBlobGas()).isZero();
    assertThat(header.parentBeaconBlockRoot()).isEqualTo(Hash.ZERO);
    assertThat(BlockHeader.decode(header.encoded()).orElseThrow()).isEqualTo(header);
  }

  @Test
  void nineteenFieldsAShanghaiHeaderAreRejected() {
    assertRejected(withFields(items -> items.subList(0, 19)), BlockDecodeError.WRONG_FIELD_COUNT);
  }

  @Test
  void twentyOneFieldsAPragueHeaderAreRejected() {
    assertRejected(
        withFields(items -> append(items, RlpString.of(Hash.ZERO.bytes()))),
        BlockDecodeError.WRONG_FIELD_COUNT);
  }

  @Test
  void extraDataLongerThan32BytesIsRejected() {
    assertRejected(
        withField(12, RlpString.of(Bytes.of(new byte[33]))), BlockDecodeError.EXTRA_DATA_TOO_LONG);
  }

  @Test
  void postMergeConstantsAreEnforced() {
    assertRejected(
        withField(1, RlpString.of(Hash.ZERO.bytes())), BlockDecodeError.OMMERS_NOT_EMPTY);
    assertRejected(
        withField(7, RlpString.of(Bytes.fromHex("0x01"))), BlockDecodeError.DIFFICULTY_NOT_ZERO);
    assertRejected(
        withField(14, RlpString.of(Bytes.fromHex("0x0000000000000001"))),
        BlockDecodeError.NONCE_NOT_ZERO);
  }

  @Test
  void gasUsedAboveTheLimitIsRejected() {
    assertRejected(
        withField(10, RlpString.of(Bytes.fromHex("0x016345785d8a0001"))),
        BlockDecodeError.GAS_USED_ABOVE_LIMIT);
  }

  @Test
  void wrongLengthsAndNonCanonicalIntegersAreRlpFaults() {
    assertRlpFault(withField(0, RlpString.of(Bytes.of(new byte[31]))), RlpError.WRONG_LENGTH);
    assertRlpFault(withField(2, RlpString.of(Bytes.of(new byte[21]))), RlpError.WRONG_LENGTH);
    assertRlpFault(withField(6, RlpString.of(Bytes.of(new byte[255]))), RlpError.WRONG_LENGTH);
    assertRlpFault(
        withField(8, RlpString.of(Bytes.fromHex("0x0001"))), RlpError.LEADING_ZERO_IN_INTEGER);
    assertRlpFault(
        withField(9, RlpString.of(Bytes.fromHex("0x010000000000000000"))),
        RlpError.INTEGER_TOO_LARGE);
    assertRlpFault(withField(13, new RlpList(List.of())), RlpError.EXPECTED_STRING);
  }

  @Test
  void trailingBytesAndTruncationAreRlpFaults() {
    assertRlpFault(BLOCK_1_HEADER.concat(Bytes.of((byte) 0)), RlpError.TRAILING_BYTES);
    assertRlpFault(BLOCK_1_HEADER.slice(0, BLOCK_1_HEADER.length() - 1), RlpError.TRUNCATED);
    assertRlpFault(Bytes.EMPTY, RlpError.INPUT_EMPTY);
    assertRlpFault(Bytes.fromHex("0x80"), RlpError.EXPECTED_LIST);
  }

  @Test
  void theConstructorRejectsWhatTheDecoderRejects() {
    BlockHeader valid = BlockHeader.decode(BLOCK_1_HEADER).orElseThrow();
    assertThatThrownBy(
            () ->
                new BlockHeader(
                    valid.parentHash(),
                    valid.ommersHash(),
                    valid.beneficiary(),
                    valid.stateRoot(),
                    valid.transactionsRoot(),
                    valid.receiptsRoot(),
                    valid.logsBloom(),
                    0,
                    valid.number(),
                    10,
                    11,
                    valid.timestamp(),
                    valid.extraData(),
                    valid.mixHash(),
                    valid.nonce(),
                    valid.baseFeePerGas(),
                    valid.withdrawalsRoot(),
                    valid.blobGasUsed(),
                    valid.excessBlobGas(),
                    valid.parentBeaconBlockRoot()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GAS_USED_ABOVE_LIMIT");
  }

  private static void assertRejected(Bytes encoded, BlockDecodeError reason) {
    BlockDecodeFailure failure = BlockHeader.decode(encoded).failureIfRejected().orElseThrow();
    assertThat(failure.reason()).as(failure.message()).isEqualTo(reason);
  }

  private static void assertRlpFault(Bytes encoded, RlpError error) {
    BlockDecodeFailure failure = BlockHeader.decode(encoded).failureIfRejected().orElseThrow();
    assertThat(failure.reason()).as(failure.message()).isEqualTo(BlockDecodeError.RLP_MALFORMED);
    assertThat(failure.rlpError()).as(failure.message()).isEqualTo(Optional.of(error));
  }

  private static Bytes withField(int index, RlpItem replacement) {
    return withFields(
        items -> {
          List<RlpItem> copy = new ArrayList<>(items);
          copy.set(index, replacement);
          return copy;
        });
  }

  private static Bytes withFields(UnaryOperator<List<RlpItem>> edit) {
    RlpItem header = RlpReader.of(BLOCK_1_HEADER).readItem();
    List<RlpItem> items = ((RlpList) header).items();
    return new RlpWriter().write(new RlpList(edit.apply(items))).toBytes();
  }

  private static List<RlpItem> append(List<RlpItem> items, RlpItem extra) {
    List<RlpItem> copy = new ArrayList<>(items);
    copy.add(extra);
    return copy;
  }
}
