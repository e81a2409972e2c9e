package io.paraseq.sequencer.rpc;

import static io.paraseq.sequencer.rpc.RpcJson.JSON;
import static io.paraseq.sequencer.rpc.RpcJson.putOrNull;
import static io.paraseq.sequencer.rpc.RpcJson.quantity;

import io.paraseq.protocol.exec.EffectiveGasPrice;
import io.paraseq.protocol.tx.AccessListEntry;
import io.paraseq.protocol.tx.AccessListTransaction;
import io.paraseq.protocol.tx.DepositTransaction;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.LegacyTransaction;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.TransactionSignature;
import io.paraseq.protocol.tx.TransactionType;
import io.paraseq.protocol.tx.UnsignedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.store.ChainTransaction;
import io.paraseq.sequencer.store.TransactionLocation;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A transaction as geth's {@code RPCTransaction} shows it, field for field and in its order: {@code
 * blockHash}, {@code blockNumber} and {@code transactionIndex} null while pending; {@code gasPrice}
 * is the EIP-1559 effective price once included (the fee cap while pending); {@code chainId} for
 * protected legacy and typed transactions, {@code accessList} and {@code yParity} for typed ones;
 * {@code v} as signed ({@code 35 + 2·chainId + parity} for EIP-155 legacy). Deposits ({@code 0x7e})
 * follow op-geth: no signature ({@code v}, {@code r}, {@code s} zero), {@code sourceHash}, {@code
 * mint}, and {@code isSystemTx} only when true.
 */
final class TransactionJson {

  private static final String ZERO = "0x0";

  private TransactionJson() {}

  /** The JSON object of {@code tx}. */
  static ObjectNode of(ChainTransaction tx) {
    ObjectNode out = JSON.objectNode();
    Optional<TransactionLocation> location = tx.location();
    putOrNull(out, "blockHash", location.map(l -> l.blockHash().toString()));
    putOrNull(out, "blockNumber", location.map(l -> HexCodec.quantity(l.blockNumber())));
    out.put("from", tx.sender().toLowerHex());
    out.put("gas", HexCodec.quantity(tx.transaction().gasLimit()));
    return switch (tx.transaction()) {
      case SignedTransaction signed -> signed(out, tx, signed, location);
      case DepositTransaction deposit -> deposit(out, tx, deposit, location);
    };
  }

  private static ObjectNode signed(
      ObjectNode out,
      ChainTransaction tx,
      SignedTransaction signed,
      Optional<TransactionLocation> location) {
    UnsignedTransaction payload = signed.payload();
    Wei gasPrice =
        location
            .map(l -> EffectiveGasPrice.of(payload, l.baseFeePerGas()))
            .orElse(payload.maxGasPrice());
    out.put("gasPrice", quantity(gasPrice));
    if (payload instanceof DynamicFeeTransaction dynamic) {
      out.put("maxFeePerGas", quantity(dynamic.maxFeePerGas()));
      out.put("maxPriorityFeePerGas", quantity(dynamic.maxPriorityFeePerGas()));
    }
    common(out, tx, payload.nonce(), location);
    if (payload.type() != TransactionType.LEGACY) {
      out.set("accessList", accessList(payload.accessList()));
    }
    payload.signatureChainId().ifPresent(id -> out.put("chainId", HexCodec.quantity(id.value())));
    TransactionSignature signature = signed.signature();
    out.put("v", HexCodec.quantity(v(payload, signature)));
    out.put("r", HexCodec.quantity(new BigInteger(1, signature.r().toArray())));
    out.put("s", HexCodec.quantity(new BigInteger(1, signature.s().toArray())));
    if (payload.type() != TransactionType.LEGACY) {
      out.put("yParity", HexCodec.quantity(signature.yParity()));
    }
    return out;
  }

  private static ObjectNode deposit(
      ObjectNode out,
      ChainTransaction tx,
      DepositTransaction deposit,
      Optional<TransactionLocation> location) {
    out.put("gasPrice", ZERO);
    // Deposits carry no nonce on the wire; the deposit watcher will record the one they use.
    common(out, tx, 0, location);
    out.put("v", ZERO);
    out.put("r", ZERO);
    out.put("s", ZERO);
    out.put("sourceHash", deposit.sourceHash().toString());
    out.put("mint", quantity(deposit.mint()));
    if (deposit.isSystemTx()) {
      out.put("isSystemTx", true);
    }
    return out;
  }

  /** hash, input, nonce, to, transactionIndex, value, type: the fields every type shares. */
  private static void common(
      ObjectNode out, ChainTransaction tx, long nonce, Optional<TransactionLocation> location) {
    out.put("hash", tx.hash().toString());
    out.put("input", HexCodec.data(tx.transaction().data()));
    out.put("nonce", HexCodec.quantity(new BigInteger(Long.toUnsignedString(nonce))));
    putOrNull(out, "to", tx.transaction().recipient().map(a -> a.toLowerHex()));
    putOrNull(out, "transactionIndex", location.map(l -> HexCodec.quantity(l.index())));
    out.put("value", quantity(tx.transaction().value()));
    out.put("type", HexCodec.quantity(typeCode(tx.transaction().type())));
  }

  /** The type as a number: 0 for legacy, else the EIP-2718 type byte. */
  static int typeCode(TransactionType type) {
    return type.typeByte().orElse(0);
  }

  private static BigInteger v(UnsignedTransaction payload, TransactionSignature signature) {
    return switch (payload) {
      case LegacyTransaction legacy ->
          legacy
              .chainId()
              .map(
                  id ->
                      BigInteger.valueOf(id.value())
                          .shiftLeft(1)
                          .add(BigInteger.valueOf(35L + signature.yParity())))
              .orElse(BigInteger.valueOf(27L + signature.yParity()));
      case AccessListTransaction a -> BigInteger.valueOf(signature.yParity());
      case DynamicFeeTransaction d -> BigInteger.valueOf(signature.yParity());
    };
  }

  private static ArrayNode accessList(List<AccessListEntry> entries) {
    ArrayNode list = JSON.arrayNode();
    for (AccessListEntry entry : entries) {
      ObjectNode item = list.addObject();
      item.put("address", entry.address().toLowerHex());
      ArrayNode keys = item.putArray("storageKeys");
      for (Hash key : entry.storageKeys()) {
        keys.add(key.toString());
      }
    }
    return list;
  }
}
