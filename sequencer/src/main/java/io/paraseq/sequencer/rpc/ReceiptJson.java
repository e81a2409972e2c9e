package io.paraseq.sequencer.rpc;

import static io.paraseq.sequencer.rpc.RpcJson.JSON;
import static io.paraseq.sequencer.rpc.RpcJson.putOrNull;
import static io.paraseq.sequencer.rpc.RpcJson.quantity;

import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.tx.TransactionType;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.store.ChainLog;
import io.paraseq.sequencer.store.ChainReceipt;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Receipts and logs as geth shows them. A receipt's fields come in geth's (alphabetical) order:
 * {@code status} (post-Byzantium, never {@code root}), {@code contractAddress} null unless a
 * contract was created, {@code to} null for a creation, {@code type} as a number, and, as the OP
 * Stack adds for user transactions (not deposits), {@code l1Fee}. A log has geth's fields in geth's
 * order, {@code blockTimestamp} included and {@code removed} always false (no reorgs).
 */
final class ReceiptJson {

  private ReceiptJson() {}

  /** The JSON object of {@code receipt}. */
  static ObjectNode of(ChainReceipt receipt) {
    ObjectNode out = JSON.objectNode();
    out.put("blockHash", receipt.location().blockHash().toString());
    out.put("blockNumber", HexCodec.quantity(receipt.location().blockNumber()));
    putOrNull(out, "contractAddress", receipt.contractAddress().map(Address::toLowerHex));
    out.put("cumulativeGasUsed", HexCodec.quantity(receipt.cumulativeGasUsed()));
    out.put("effectiveGasPrice", quantity(receipt.effectiveGasPrice()));
    out.put("from", receipt.from().toLowerHex());
    out.put("gasUsed", HexCodec.quantity(receipt.gasUsed()));
    if (receipt.type() != TransactionType.DEPOSIT) {
      out.put("l1Fee", quantity(receipt.l1Fee()));
    }
    ArrayNode logs = out.putArray("logs");
    receipt.logs().forEach(log -> logs.add(log(log)));
    out.put("logsBloom", HexCodec.data(receipt.logsBloom().bytes()));
    out.put("status", receipt.status() == ReceiptStatus.SUCCESS ? "0x1" : "0x0");
    putOrNull(out, "to", receipt.to().map(Address::toLowerHex));
    out.put("transactionHash", receipt.transactionHash().toString());
    out.put("transactionIndex", HexCodec.quantity(receipt.location().index()));
    out.put("type", HexCodec.quantity(TransactionJson.typeCode(receipt.type())));
    return out;
  }

  /** The JSON object of a log, as in receipts and {@code eth_getLogs}. */
  static ObjectNode log(ChainLog log) {
    ObjectNode out = JSON.objectNode();
    out.put("address", log.log().address().toLowerHex());
    ArrayNode topics = out.putArray("topics");
    for (Hash topic : log.log().topics()) {
      topics.add(topic.toString());
    }
    out.put("data", HexCodec.data(log.log().data()));
    out.put("blockNumber", HexCodec.quantity(log.blockNumber()));
    out.put("transactionHash", log.transactionHash().toString());
    out.put("transactionIndex", HexCodec.quantity(log.transactionIndex()));
    out.put("blockHash", log.blockHash().toString());
    out.put("blockTimestamp", HexCodec.quantity(log.blockTimestamp()));
    out.put("logIndex", HexCodec.quantity(log.logIndex()));
    out.put("removed", false);
    return out;
  }
}
