package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.BlockNumbers;
import io.paraseq.sequencer.chain.ChainHead;
import io.paraseq.sequencer.chain.TestHeads;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Block arguments of the state methods against a head at block 5 (stored blocks 0 to 5), and the
 * storage-key argument.
 */
class HeadStatesTest {

  private static final WorldState STATE = WorldState.empty();
  private static final ChainHead.Head HEAD = head(5);
  private static final Hash BLOCK_3 = Hash.keccak(Bytes.of((byte) 3));

  private final HeadStates heads =
      new HeadStates(
          () -> HEAD,
          new BlockNumbers(TestHeads.genesis()),
          hash -> Optional.ofNullable(Map.of(BLOCK_3, 3L, HEAD.header().hash(), 5L).get(hash)));

  @Test
  void theHeadIsFoundByTagNumberAndHash() {
    for (BlockSelector selector :
        new BlockSelector[] {
          BlockSelector.LATEST,
          new BlockSelector.Tag(BlockSelector.TagName.PENDING),
          new BlockSelector.Number(5),
          new BlockSelector.ByHash(HEAD.header().hash(), true)
        }) {
      assertThat(heads.resolve(selector)).as("%s", selector).isEqualTo(new StateLookup.Found(HEAD));
    }
  }

  @Test
  void olderBlocksAreHistoricalStateAndSafeFinalizedEarliestMeanGenesis() {
    String historical =
        "historical state not available: the node keeps the state of the head block 5 only";
    for (BlockSelector selector :
        new BlockSelector[] {
          new BlockSelector.Number(0),
          new BlockSelector.Number(4),
          new BlockSelector.ByHash(BLOCK_3, false),
          new BlockSelector.Tag(BlockSelector.TagName.SAFE),
          new BlockSelector.Tag(BlockSelector.TagName.FINALIZED),
          new BlockSelector.Tag(BlockSelector.TagName.EARLIEST)
        }) {
      assertThat(heads.resolve(selector))
          .as("%s", selector)
          .isEqualTo(new StateLookup.Missing(RpcError.HISTORICAL_STATE_UNAVAILABLE.failure(5L)));
      assertThat(RpcError.HISTORICAL_STATE_UNAVAILABLE.failure(5L).message()).isEqualTo(historical);
    }
  }

  @Test
  void genesisIsTheSafeBlockWhileItIsTheHead() {
    ChainHead.Head genesis = head(0);
    HeadStates atGenesis =
        new HeadStates(
            () -> genesis, new BlockNumbers(TestHeads.genesis()), hash -> Optional.empty());
    assertThat(atGenesis.resolve(new BlockSelector.Tag(BlockSelector.TagName.FINALIZED)))
        .isEqualTo(new StateLookup.Found(genesis));
  }

  @Test
  void unknownBlocksAreHeaderNotFound() {
    StateLookup.Missing notFound = new StateLookup.Missing(RpcError.HEADER_NOT_FOUND.failure());
    assertThat(heads.resolve(new BlockSelector.Number(6))).isEqualTo(notFound);
    assertThat(heads.resolve(new BlockSelector.ByHash(Hash.ZERO, false))).isEqualTo(notFound);
    assertThat(notFound.failure().message()).isEqualTo("header not found");
    assertThat(notFound.failure().error().code()).isEqualTo(-32000);
  }

  @Test
  void storageKeysAreQuantitiesOrUpTo32Bytes() {
    assertThat(key("0x0")).isEqualTo(new StorageKey(Hash.ZERO, 1));
    assertThat(key("0x1").slot()).isEqualTo(Hash.fromHex("0x" + "00".repeat(31) + "01"));
    assertThat(key("0x1").echoed()).isEqualTo("0x1");
    assertThat(key("0x0100").echoed()).isEqualTo("0x100");
    String full = "0x" + "ab".repeat(32);
    assertThat(key(full).slot()).isEqualTo(Hash.fromHex(full));
    assertThat(key(full.toUpperCase().replace("0X", "0x")).echoed()).isEqualTo(full);
    assertThat(key("abc").slot()).isEqualTo(Hash.fromHex("0x" + "00".repeat(30) + "0abc"));
    assertThat(StorageKey.parse("0xzz"))
        .isEqualTo(new HexCodec.Decoded.Invalid<>("hex string invalid"));
    assertThat(StorageKey.parse("0x" + "00".repeat(33)))
        .isEqualTo(new HexCodec.Decoded.Invalid<>("hex string too long, want at most 32 bytes"));
  }

  private static StorageKey key(String text) {
    return switch (StorageKey.parse(text)) {
      case HexCodec.Decoded.Valid<StorageKey>(StorageKey key) -> key;
      case HexCodec.Decoded.Invalid<StorageKey>(String reason) -> throw new AssertionError(reason);
    };
  }

  private static ChainHead.Head head(long number) {
    return TestHeads.head(number, STATE);
  }
}
