package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.tx.AccessListEntry;
import io.paraseq.protocol.tx.AccessListTransaction;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.LegacyTransaction;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.UnsignedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.store.ChainTransaction;
import io.paraseq.sequencer.store.TransactionLocation;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Transaction objects per type, pending and included, as geth's RPCTransaction shows them. */
class TransactionJsonTest {

  private static final ChainId CHAIN = ChainId.of(3195);
  private static final Address TO = Address.fromHex("0x000000000000000000000000000000000000bEEF");
  private static final Address FROM = Address.fromHex("0x00000000000000000000000000000000000000aa");
  private static final PrivateKey KEY = PrivateKey.of(key()).orElseThrow();
  private static final Hash BLOCK = Hash.fromHex("0x" + "bb".repeat(32));
  private static final Wei BASE_FEE = Wei.of(1_000);

  @Test
  void anIncludedDynamicFeeTransactionShowsItsEffectiveGasPrice() {
    DynamicFeeTransaction payload =
        new DynamicFeeTransaction(
            CHAIN,
            7,
            Wei.of(300),
            Wei.of(5_000),
            21_000,
            Optional.of(TO),
            Wei.of(9),
            Bytes.of((byte) 1),
            List.of());
    SignedTransaction signed = TransactionSigner.sign(payload, KEY);
    ObjectNode included = TransactionJson.of(included(signed, 3));
    assertThat(fieldNames(included))
        .containsExactly(
            "blockHash",
            "blockNumber",
            "from",
            "gas",
            "gasPrice",
            "maxFeePerGas",
            "maxPriorityFeePerGas",
            "hash",
            "input",
            "nonce",
            "to",
            "transactionIndex",
            "value",
            "type",
            "accessList",
            "chainId",
            "v",
            "r",
            "s",
            "yParity");
    assertThat(included.get("blockHash").asString()).isEqualTo(BLOCK.toString());
    assertThat(included.get("blockNumber").asString()).isEqualTo("0x5");
    assertThat(included.get("transactionIndex").asString()).isEqualTo("0x3");
    assertThat(included.get("gasPrice").asString()).isEqualTo("0x514"); // 1000 + 300
    assertThat(included.get("maxFeePerGas").asString()).isEqualTo("0x1388");
    assertThat(included.get("maxPriorityFeePerGas").asString()).isEqualTo("0x12c");
    assertThat(included.get("from").asString()).isEqualTo(FROM.toLowerHex());
    assertThat(included.get("to").asString())
        .isEqualTo("0x000000000000000000000000000000000000beef");
    assertThat(included.get("nonce").asString()).isEqualTo("0x7");
    assertThat(included.get("gas").asString()).isEqualTo("0x5208");
    assertThat(included.get("value").asString()).isEqualTo("0x9");
    assertThat(included.get("input").asString()).isEqualTo("0x01");
    assertThat(included.get("type").asString()).isEqualTo("0x2");
    assertThat(included.get("chainId").asString()).isEqualTo("0xc7b");
    assertThat(included.get("accessList").isArray()).isTrue();
    String parity = "0x" + signed.signature().yParity();
    assertThat(included.get("v").asString()).isEqualTo(parity);
    assertThat(included.get("yParity").asString()).isEqualTo(parity);
    assertThat(included.get("r").asString())
        .isEqualTo("0x" + new BigInteger(1, signed.signature().r().toArray()).toString(16));

    ObjectNode pending = TransactionJson.of(pending(signed));
    assertThat(pending.get("blockHash").isNull()).isTrue();
    assertThat(pending.get("blockNumber").isNull()).isTrue();
    assertThat(pending.get("transactionIndex").isNull()).isTrue();
    assertThat(pending.get("gasPrice").asString()).isEqualTo("0x1388"); // the fee cap
  }

  @Test
  void aLegacyTransactionFoldsChainIdAndParityIntoV() {
    SignedTransaction protectedTx =
        sign(
            new LegacyTransaction(
                0,
                Wei.of(50),
                21_000,
                Optional.empty(),
                Wei.ZERO,
                Bytes.EMPTY,
                Optional.of(CHAIN)));
    ObjectNode json = TransactionJson.of(included(protectedTx, 0));
    long v = 35 + 2 * 3195 + protectedTx.signature().yParity();
    assertThat(json.get("v").asString()).isEqualTo("0x" + Long.toHexString(v));
    assertThat(json.get("chainId").asString()).isEqualTo("0xc7b");
    assertThat(json.get("gasPrice").asString()).isEqualTo("0x32");
    assertThat(json.get("to").isNull()).isTrue();
    assertThat(json.get("type").asString()).isEqualTo("0x0");
    assertThat(json.has("yParity")).isFalse();
    assertThat(json.has("accessList")).isFalse();
    assertThat(json.has("maxFeePerGas")).isFalse();

    SignedTransaction unprotected =
        sign(
            new LegacyTransaction(
                0, Wei.of(50), 21_000, Optional.of(TO), Wei.ZERO, Bytes.EMPTY, Optional.empty()));
    ObjectNode old = TransactionJson.of(included(unprotected, 0));
    assertThat(old.get("v").asString())
        .isEqualTo("0x" + Long.toHexString(27 + unprotected.signature().yParity()));
    assertThat(old.has("chainId")).isFalse();
  }

  @Test
  void anAccessListTransactionListsItsEntries() {
    Hash key = Hash.fromHex("0x" + "01".repeat(32));
    SignedTransaction tx =
        sign(
            new AccessListTransaction(
                CHAIN,
                1,
                Wei.of(70),
                30_000,
                Optional.of(TO),
                Wei.ZERO,
                Bytes.EMPTY,
                List.of(new AccessListEntry(TO, List.of(key)))));
    ObjectNode json = TransactionJson.of(included(tx, 0));
    assertThat(json.get("type").asString()).isEqualTo("0x1");
    assertThat(json.get("gasPrice").asString()).isEqualTo("0x46");
    JsonNode entry = json.get("accessList").get(0);
    assertThat(entry.get("address").asString())
        .isEqualTo("0x000000000000000000000000000000000000beef");
    assertThat(entry.get("storageKeys").get(0).asString()).isEqualTo(key.toString());
    assertThat(json.get("yParity").asString()).isEqualTo(json.get("v").asString());
  }

  private static ChainTransaction included(SignedTransaction tx, int index) {
    return new ChainTransaction(
        tx, tx.hash(), FROM, Optional.of(new TransactionLocation(BLOCK, 5, index, BASE_FEE)));
  }

  private static ChainTransaction pending(SignedTransaction tx) {
    return new ChainTransaction(tx, tx.hash(), FROM, Optional.empty());
  }

  private static SignedTransaction sign(UnsignedTransaction tx) {
    return TransactionSigner.sign(tx, KEY);
  }

  private static List<String> fieldNames(ObjectNode node) {
    return List.copyOf(node.propertyNames());
  }

  private static byte[] key() {
    byte[] key = new byte[32];
    key[31] = 7;
    return key;
  }
}
