package io.paraseq.sequencer.chain;

import io.paraseq.protocol.block.BaseFeeRules;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.block.LogsBloom;
import io.paraseq.protocol.chain.ChainConfig;
import io.paraseq.protocol.chain.DevAccounts;
import io.paraseq.protocol.chain.Genesis;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;

/** Published heads without a producer, for tests of the read side. */
public final class TestHeads {

  /** The node's default chain: id 3195, 30M gas, floor 0.01 gwei, initial base fee 1 gwei. */
  public static final ChainConfig CONFIG =
      new ChainConfig(
          ChainId.of(3195),
          30_000_000,
          BaseFeeRules.withFloor(Wei.of(10_000_000)),
          Wei.of(1_000_000_000),
          Address.fromHex("0x4200000000000000000000000000000000000011"));

  private TestHeads() {}

  /** A head at the genesis of {@link #CONFIG} with the dev accounts. */
  public static ChainHead genesis() {
    WorldState state = new Genesis(CONFIG, 1_700_000_000L, DevAccounts.alloc()).createState();
    BlockHeader header =
        new Genesis(CONFIG, 1_700_000_000L, DevAccounts.alloc()).header(state.stateRoot());
    return new ChainHead(new ChainHead.Head(header, state.view()));
  }

  /** Block {@code number} (an otherwise empty header) with {@code state}'s current view. */
  public static ChainHead.Head head(long number, WorldState state) {
    BlockHeader header =
        BlockHeader.paraseq(
            Hash.ZERO,
            Address.ZERO,
            state.stateRoot(),
            MerkleTrie.EMPTY_ROOT,
            MerkleTrie.EMPTY_ROOT,
            LogsBloom.EMPTY,
            number,
            30_000_000,
            0,
            1_700_000_000L + number,
            Bytes.EMPTY,
            Hash.ZERO,
            Wei.of(1_000_000_000L));
    return new ChainHead.Head(header, state.view());
  }

  /**
   * Moves {@code head} to a header with {@code number} and the same state (tests of name resolution
   * only).
   */
  public static void moveTo(ChainHead head, long number) {
    BlockHeader h = head.current();
    BlockHeader moved =
        BlockHeader.paraseq(
            h.parentHash(),
            h.beneficiary(),
            h.stateRoot(),
            h.transactionsRoot(),
            h.receiptsRoot(),
            h.logsBloom(),
            number,
            h.gasLimit(),
            h.gasUsed(),
            h.timestamp(),
            h.extraData(),
            h.mixHash(),
            h.baseFeePerGas());
    head.publish(new ChainHead.Head(moved, head.snapshot().state()));
  }
}
