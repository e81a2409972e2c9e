package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.BlockNumbers;
import io.paraseq.sequencer.chain.ChainHead;
import io.paraseq.sequencer.chain.TestHeads;
import io.paraseq.sequencer.store.ChainQueries;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Block-number arguments ({@code rpc.BlockNumber}) are parsed with geth's texts and resolved by the
 * chain's rules. Tags and numbers up to the head never reach the database (numbers above it and
 * hashes do; the ITs cover them).
 */
class BlockResolverTest {

  private final ChainHead head = TestHeads.genesis();
  private final BlockResolver resolver =
      new BlockResolver(new BlockNumbers(head), new ChainQueries(new PGSimpleDataSource()));

  @Test
  void tagsResolveToTheHeadOrToGenesis() {
    TestHeads.moveTo(head, 9);
    assertThat(resolver.existing(tag("latest"))).contains(9L);
    assertThat(resolver.existing(tag("pending"))).contains(9L);
    assertThat(resolver.existing(tag("safe"))).contains(0L);
    assertThat(resolver.existing(tag("finalized"))).contains(0L);
    assertThat(resolver.existing(tag("earliest"))).contains(0L);
    assertThat(resolver.head()).isEqualTo(9);
  }

  @Test
  void numbersUpToTheHeadExistAndAnyNumberResolvesForRanges() {
    TestHeads.moveTo(head, 9);
    assertThat(resolver.existing(new BlockSelector.Number(9))).contains(9L);
    assertThat(resolver.existing(new BlockSelector.Number(0))).contains(0L);
    assertThat(resolver.number(new BlockSelector.Number(10))).isEqualTo(10);
    assertThat(resolver.number(tag("latest"))).isEqualTo(9);
    assertThatThrownBy(() -> resolver.number(new BlockSelector.ByHash(Hash.ZERO, false)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blockNumberArgumentsTakeTagsAndHexNumbersOnly() {
    assertThat(parse("\"latest\"")).isEqualTo(valid(tag("latest")));
    assertThat(parse("\"0x1f\"")).isEqualTo(valid(new BlockSelector.Number(31)));
    assertThat(parse("\"0x7fffffffffffffff\""))
        .isEqualTo(valid(new BlockSelector.Number(Long.MAX_VALUE)));
    assertThat(parse("\"0x8000000000000000\""))
        .isEqualTo(invalid("block number larger than int64"));
    assertThat(parse("\"0x10000000000000000\"")).isEqualTo(invalid("hex number > 64 bits"));
    assertThat(parse("\"0x" + "ab".repeat(32) + "\"")).isEqualTo(invalid("hex number > 64 bits"));
    assertThat(parse("\"0x" + "1".repeat(70) + "\"")).isEqualTo(invalid("hex number > 64 bits"));
    assertThat(parse("\"0x01\"")).isEqualTo(invalid("hex number with leading zero digits"));
    assertThat(parse("\"12\"")).isEqualTo(invalid("hex string without 0x prefix"));
    assertThat(parse("12")).isEqualTo(invalid("hex string without 0x prefix"));
    assertThat(parse("{\"blockNumber\":\"0x1\"}"))
        .isEqualTo(invalid("hex string without 0x prefix"));
    assertThat(parse("\"Latest\"")).isEqualTo(invalid("hex string without 0x prefix"));
  }

  private static HexCodec.Decoded<BlockSelector> parse(String json) {
    JsonNode node = JsonMapper.shared().readTree(json);
    return BlockSelectors.parseNumber(node);
  }

  private static BlockSelector tag(String name) {
    return ((HexCodec.Decoded.Valid<BlockSelector>)
            BlockSelectors.parseNumber(JsonMapper.shared().readTree("\"" + name + "\"")))
        .value();
  }

  private static HexCodec.Decoded<BlockSelector> valid(BlockSelector selector) {
    return new HexCodec.Decoded.Valid<>(selector);
  }

  private static HexCodec.Decoded<BlockSelector> invalid(String reason) {
    return new HexCodec.Decoded.Invalid<>(reason);
  }
}
