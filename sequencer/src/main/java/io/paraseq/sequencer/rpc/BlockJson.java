package io.paraseq.sequencer.rpc;

import static io.paraseq.sequencer.rpc.RpcJson.JSON;
import static io.paraseq.sequencer.rpc.RpcJson.quantity;

import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.store.BlockSummary;
import io.paraseq.sequencer.store.ChainTransaction;
import io.paraseq.sequencer.store.FullBlock;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A block as geth's {@code eth_getBlockBy*} shows a Cancun block, with its fields in geth's
 * (alphabetical) order: every header field ({@code miner} for the beneficiary, {@code sha3Uncles}
 * for the ommers hash, {@code mixHash}, {@code nonce}, {@code withdrawalsRoot}, the blob gas
 * fields, {@code parentBeaconBlockRoot}), {@code hash}, {@code size}, {@code totalDifficulty}
 * {@code 0x0} (post-merge), {@code transactions} (hashes or objects), {@code uncles} {@code []} and
 * {@code withdrawals} {@code []} (Paraseq blocks carry none).
 */
final class BlockJson {

  private BlockJson() {}

  /** The block with its transactions' hashes. */
  static ObjectNode of(BlockSummary block) {
    ArrayNode transactions = JSON.arrayNode();
    for (Hash hash : block.transactionHashes()) {
      transactions.add(hash.toString());
    }
    return of(block.header(), block.size(), transactions);
  }

  /** The block with its transactions as objects. */
  static ObjectNode of(FullBlock block) {
    ArrayNode transactions = JSON.arrayNode();
    for (ChainTransaction tx : block.transactions()) {
      transactions.add(TransactionJson.of(tx));
    }
    return of(block.header(), block.size(), transactions);
  }

  private static ObjectNode of(BlockHeader h, long size, ArrayNode transactions) {
    ObjectNode out = JSON.objectNode();
    out.put("baseFeePerGas", quantity(h.baseFeePerGas()));
    out.put("blobGasUsed", unsigned(h.blobGasUsed()));
    out.put("difficulty", unsigned(h.difficulty()));
    out.put("excessBlobGas", unsigned(h.excessBlobGas()));
    out.put("extraData", HexCodec.data(h.extraData()));
    out.put("gasLimit", unsigned(h.gasLimit()));
    out.put("gasUsed", unsigned(h.gasUsed()));
    out.put("hash", h.hash().toString());
    out.put("logsBloom", HexCodec.data(h.logsBloom().bytes()));
    out.put("miner", h.beneficiary().toLowerHex());
    out.put("mixHash", h.mixHash().toString());
    out.put("nonce", HexCodec.data(h.nonce()));
    out.put("number", unsigned(h.number()));
    out.put("parentBeaconBlockRoot", h.parentBeaconBlockRoot().toString());
    out.put("parentHash", h.parentHash().toString());
    out.put("receiptsRoot", h.receiptsRoot().toString());
    out.put("sha3Uncles", h.ommersHash().toString());
    out.put("size", HexCodec.quantity(size));
    out.put("stateRoot", h.stateRoot().toString());
    out.put("timestamp", unsigned(h.timestamp()));
    out.put("totalDifficulty", "0x0");
    out.set("transactions", transactions);
    out.put("transactionsRoot", h.transactionsRoot().toString());
    out.putArray("uncles");
    out.putArray("withdrawals");
    out.put("withdrawalsRoot", h.withdrawalsRoot().toString());
    return out;
  }

  /** A header integer (unsigned 64-bit) as a hex quantity. */
  private static String unsigned(long value) {
    return "0x" + Long.toHexString(value);
  }
}
