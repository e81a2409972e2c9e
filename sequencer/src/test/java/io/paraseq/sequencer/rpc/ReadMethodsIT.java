package io.paraseq.sequencer.rpc;

import static io.paraseq.sequencer.rpc.ReadClient.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.block.BaseFeeRules;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.tx.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthFeeHistory;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import tools.jackson.databind.JsonNode;

/**
 * The chain read methods of the real application (fresh PostgreSQL schema, real anvil L1, blocks
 * every 100 ms): transfers signed by web3j go in through {@code eth_sendRawTransaction}, one per
 * block, and come back through every read method, decoded by web3j and checked field by field.
 * Limits are small here ({@code max-logs-block-range} 2, {@code max-logs-results} 2) to reach them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadMethodsIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();
  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  private static final String ZERO_BLOOM = "0x" + "00".repeat(256);
  private static final String UNKNOWN = "0x" + "ab".repeat(32);
  private static final BaseFeeRules RULES = BaseFeeRules.withFloor(Wei.of(10_000_000));
  private static final List<String> BLOCK_FIELDS =
      List.of(
          "baseFeePerGas",
          "blobGasUsed",
          "difficulty",
          "excessBlobGas",
          "extraData",
          "gasLimit",
          "gasUsed",
          "hash",
          "logsBloom",
          "miner",
          "mixHash",
          "nonce",
          "number",
          "parentBeaconBlockRoot",
          "parentHash",
          "receiptsRoot",
          "sha3Uncles",
          "size",
          "stateRoot",
          "timestamp",
          "totalDifficulty",
          "transactions",
          "transactionsRoot",
          "uncles",
          "withdrawals",
          "withdrawalsRoot");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.l1.rpc-url", anvil::rpcUrl);
    registry.add("paraseq.l1.chain-id", () -> AnvilFixture.CHAIN_ID);
    registry.add("paraseq.producer.block-interval", () -> "100ms");
    registry.add("paraseq.rpc.max-logs-block-range", () -> "2");
    registry.add("paraseq.rpc.max-logs-results", () -> "2");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  private ReadClient client;

  @BeforeEach
  void client() {
    client = new ReadClient(port);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void transfersComeBackThroughBlocksTransactionsReceiptsAndCounts() throws Exception {
    String dynamicRaw = ReadClient.dynamic(1, 0);
    TransactionReceipt dynamic = client.include(dynamicRaw);
    TransactionReceipt legacy = client.include(ReadClient.legacy(2, 0));
    long dynamicBlock = dynamic.getBlockNumber().longValueExact();
    assertThat(legacy.getBlockNumber().longValueExact()).isGreaterThan(dynamicBlock);

    // The receipt, web3j-decoded.
    EthBlock.Block block = block(dynamicBlock, false);
    BigInteger baseFee = block.getBaseFeePerGas();
    assertThat(dynamic.isStatusOK()).isTrue();
    assertThat(dynamic.getGasUsed()).isEqualTo(BigInteger.valueOf(21_000));
    assertThat(dynamic.getCumulativeGasUsed()).isEqualTo(BigInteger.valueOf(21_000));
    assertThat(new BigInteger(dynamic.getEffectiveGasPrice().substring(2), 16))
        .isEqualTo(GWEI.shiftLeft(1).min(baseFee.add(GWEI)));
    assertThat(dynamic.getBlockHash()).isEqualTo(block.getHash());
    assertThat(dynamic.getTransactionIndex()).isEqualTo(BigInteger.ZERO);
    assertThat(dynamic.getLogsBloom()).isEqualTo(ZERO_BLOOM);
    assertThat(dynamic.getLogs()).isEmpty();
    assertThat(dynamic.getFrom()).isEqualTo(ReadClient.credentials(1).getAddress());
    assertThat(dynamic.getTo()).isEqualTo(ReadClient.TO);
    assertThat(dynamic.getType()).isEqualTo("0x2");
    assertThat(dynamic.getContractAddress()).isNull();
    assertThat(legacy.getType()).isEqualTo("0x0");
    assertThat(legacy.getEffectiveGasPrice()).isEqualTo("0x3b9aca00");
    JsonNode rawReceipt =
        client.result("eth_getTransactionReceipt", q(dynamic.getTransactionHash()));
    assertThat(rawReceipt.get("l1Fee").asString()).isEqualTo("0x0");
    assertThat(rawReceipt.get("status").asString()).isEqualTo("0x1");

    // The block, both variants, and by hash.
    assertThat(block.getNumber().longValueExact()).isEqualTo(dynamicBlock);
    assertThat(block.getTransactions())
        .extracting(t -> ((EthBlock.TransactionHash) t).get())
        .containsExactly(dynamic.getTransactionHash());
    assertThat(block.getGasUsed()).isEqualTo(BigInteger.valueOf(21_000));
    assertThat(block.getGasLimit()).isEqualTo(BigInteger.valueOf(30_000_000));
    assertThat(block.getMiner()).isEqualTo("0x4200000000000000000000000000000000000011");
    assertThat(block.getSha3Uncles()).isEqualTo(BlockHeader.EMPTY_OMMERS_HASH.toString());
    assertThat(block.getNonceRaw()).isEqualTo("0x0000000000000000");
    assertThat(block.getDifficulty()).isZero();
    assertThat(block.getTotalDifficulty()).isZero();
    assertThat(block.getUncles()).isEmpty();
    assertThat(block.getWithdrawalsRoot()).isEqualTo(MerkleTrie.EMPTY_ROOT.toString());
    assertThat(block.getLogsBloom()).isEqualTo(ZERO_BLOOM);
    assertThat(block.getSize()).isPositive();
    assertThat(block.getParentHash()).isEqualTo(block(dynamicBlock - 1, false).getHash());
    EthBlock.Block byHash =
        client.web3j.ethGetBlockByHash(block.getHash(), false).send().getBlock();
    assertThat(byHash.getHash()).isEqualTo(block.getHash());
    assertThat(byHash.getStateRoot()).isEqualTo(block.getStateRoot());
    List<String> fields = new ArrayList<>();
    client
        .result("eth_getBlockByNumber", q(hex(dynamicBlock)) + ",false")
        .propertyNames()
        .forEach(fields::add);
    assertThat(fields).containsExactlyElementsOf(BLOCK_FIELDS);

    EthBlock.Block full = block(dynamicBlock, true);
    assertThat(full.getHash()).isEqualTo(block.getHash());
    assertThat(full.getSize()).isEqualTo(block.getSize());
    Transaction inBlock = (Transaction) full.getTransactions().getFirst().get();
    assertThat(inBlock.getHash()).isEqualTo(dynamic.getTransactionHash());
    assertThat(
            client
                .web3j
                .ethGetBlockByHash(block.getHash(), true)
                .send()
                .getBlock()
                .getTransactions())
        .hasSize(1);

    // The transaction: included fields, EIP-1559 effective gas price.
    Transaction tx =
        client
            .web3j
            .ethGetTransactionByHash(dynamic.getTransactionHash())
            .send()
            .getTransaction()
            .orElseThrow();
    assertThat(tx.getBlockHash()).isEqualTo(block.getHash());
    assertThat(tx.getBlockNumber().longValueExact()).isEqualTo(dynamicBlock);
    assertThat(tx.getTransactionIndex()).isEqualTo(BigInteger.ZERO);
    assertThat(tx.getFrom()).isEqualTo(ReadClient.credentials(1).getAddress());
    assertThat(tx.getTo()).isEqualTo(ReadClient.TO);
    assertThat(tx.getNonce()).isZero();
    assertThat(tx.getValue()).isEqualTo(BigInteger.ONE);
    assertThat(tx.getGas()).isEqualTo(BigInteger.valueOf(21_000));
    assertThat(tx.getGasPrice()).isEqualTo(GWEI.shiftLeft(1).min(baseFee.add(GWEI)));
    assertThat(tx.getMaxFeePerGas()).isEqualTo(GWEI.shiftLeft(1));
    assertThat(tx.getMaxPriorityFeePerGas()).isEqualTo(GWEI);
    assertThat(tx.getChainId()).isEqualTo(3195L);
    assertThat(tx.getType()).isEqualTo("0x2");
    assertThat(tx.getInput()).isEqualTo("0x");
    assertThat(tx.getV()).isBetween(0L, 1L);
    assertThat(ReadClient.hashOf(dynamicRaw)).isEqualTo(tx.getHash());
    assertThat(inBlock.getGasPrice()).isEqualTo(tx.getGasPrice());
    Transaction legacyTx =
        client
            .web3j
            .ethGetTransactionByHash(legacy.getTransactionHash())
            .send()
            .getTransaction()
            .orElseThrow();
    assertThat(legacyTx.getGasPrice()).isEqualTo(GWEI);
    assertThat(legacyTx.getV()).isIn(35L + 2 * 3195, 36L + 2 * 3195);
    assertThat(legacyTx.getType()).isEqualTo("0x0");

    // Counts, the head, unknown hashes and blocks above the head.
    assertThat(
            client
                .web3j
                .ethGetBlockTransactionCountByNumber(
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(dynamicBlock)))
                .send()
                .getTransactionCount())
        .isEqualTo(BigInteger.ONE);
    assertThat(
            client
                .web3j
                .ethGetBlockTransactionCountByHash(block.getHash())
                .send()
                .getTransactionCount())
        .isEqualTo(BigInteger.ONE);
    assertThat(client.result("eth_getBlockTransactionCountByNumber", q("0x0")).asString())
        .isEqualTo("0x0");
    long head = client.web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    assertThat(head).isGreaterThanOrEqualTo(legacy.getBlockNumber().longValueExact());
    assertThat(client.result("eth_getBlockByNumber", q(hex(head + 1)) + ",false").isNull())
        .isTrue();
    assertThat(client.result("eth_getBlockByNumber", q(hex(head + 1)) + ",true").isNull()).isTrue();
    assertThat(client.result("eth_getBlockTransactionCountByNumber", q(hex(head + 1))).isNull())
        .isTrue();
    assertThat(client.result("eth_getBlockByHash", q(UNKNOWN) + ",false").isNull()).isTrue();
    assertThat(client.result("eth_getBlockTransactionCountByHash", q(UNKNOWN)).isNull()).isTrue();
    assertThat(client.result("eth_getTransactionByHash", q(UNKNOWN)).isNull()).isTrue();
    assertThat(client.result("eth_getTransactionReceipt", q(UNKNOWN)).isNull()).isTrue();
    assertThat(
            client.result("eth_getBlockByNumber", q("latest") + ",false").get("number").asString())
        .isEqualTo(hex(head));
    assertThat(client.result("eth_getBlockByNumber", q("safe") + ",false").get("number").asString())
        .isEqualTo("0x0");
    client.assertError(
        "eth_getBlockByNumber", q("latest"), -32602, "missing value for required argument 1");
    client.assertError(
        "eth_getBlockByHash",
        q("0x1234") + ",false",
        -32602,
        "invalid argument 0: hex string has length 4, want 64 for common.Hash");

    // Fee history over the two blocks.
    long legacyBlock = legacy.getBlockNumber().longValueExact();
    EthFeeHistory.FeeHistory history =
        client
            .web3j
            .ethFeeHistory(
                2,
                DefaultBlockParameter.valueOf(BigInteger.valueOf(legacyBlock)),
                List.of(25.0, 75.0))
            .send()
            .getFeeHistory();
    EthBlock.Block legacyHeader = block(legacyBlock, false);
    EthBlock.Block before = block(legacyBlock - 1, false);
    assertThat(history.getOldestBlock().longValueExact()).isEqualTo(legacyBlock - 1);
    BigInteger next =
        RULES
            .next(
                legacyHeader.getGasUsed().longValueExact(),
                legacyHeader.getGasLimit().longValueExact(),
                Wei.of(legacyHeader.getBaseFeePerGas()))
            .value();
    assertThat(history.getBaseFeePerGas())
        .containsExactly(before.getBaseFeePerGas(), legacyHeader.getBaseFeePerGas(), next);
    assertThat(history.getGasUsedRatio()).containsExactly(0.0007, 0.0007);
    BigInteger beforeTip = before.getTransactions().isEmpty() ? BigInteger.ZERO : GWEI;
    BigInteger legacyTip = GWEI.subtract(legacyHeader.getBaseFeePerGas());
    assertThat(history.getReward())
        .containsExactly(List.of(beforeTip, beforeTip), List.of(legacyTip, legacyTip));
  }

  @Test
  void feeSuggestionsAndTheStaticAnswers() throws Exception {
    EthBlock.Block latest =
        client.web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
    BigInteger next =
        RULES
            .next(
                latest.getGasUsed().longValueExact(),
                latest.getGasLimit().longValueExact(),
                Wei.of(latest.getBaseFeePerGas()))
            .value();
    BigInteger tip = BigInteger.valueOf(1_000_000);
    assertThat(client.web3j.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas())
        .isEqualTo(tip);
    assertThat(client.web3j.ethGasPrice().send().getGasPrice()).isEqualTo(next.add(tip));
    assertThat(client.web3j.ethSyncing().send().isSyncing()).isFalse();
    assertThat(client.result("eth_syncing", "").isBoolean()).isTrue();
    assertThat(client.result("rpc_modules", "").toString())
        .isEqualTo("{\"eth\":\"1.0\",\"net\":\"1.0\",\"rpc\":\"1.0\",\"web3\":\"1.0\"}");

    JsonNode empty = client.result("eth_feeHistory", "\"0x0\",\"latest\",[50]");
    assertThat(empty.toString()).isEqualTo("{\"oldestBlock\":\"0x0\",\"gasUsedRatio\":null}");
    JsonNode noRewards = client.result("eth_feeHistory", "1,\"latest\"");
    assertThat(noRewards.has("reward")).isFalse();
    assertThat(noRewards.get("baseFeePerGas").size()).isEqualTo(2);
    long head = client.web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    client.assertError(
        "eth_feeHistory",
        "\"0x1\",\"0x100000\"",
        -32000,
        "request beyond head block: requested 1048576, head " + head);
    client.assertError(
        "eth_feeHistory",
        "\"0x1\",\"latest\",[50,40]",
        -32000,
        "invalid reward percentile: #0:50.000000 >= #1:40.000000");
    client.assertError(
        "eth_feeHistory",
        "\"0x1\",\"latest\",[101]",
        -32000,
        "invalid reward percentile: 101.000000");
    client.assertError(
        "eth_feeHistory",
        "\"abc\",\"latest\"",
        -32602,
        "invalid argument 0: invalid hex or decimal integer \"abc\"");
  }

  @Test
  void logsAreFilteredAndLimitedWithGethsErrors() throws Exception {
    // Transfers emit no logs, so rows are added for a real transaction directly in the table.
    client.include(ReadClient.dynamic(3, 0));
    TransactionReceipt receipt = client.include(ReadClient.dynamic(3, 1));
    long number = receipt.getBlockNumber().longValueExact();
    byte[] txHash = HexFormat.of().parseHex(receipt.getTransactionHash().substring(2));
    String a1 = "0x00000000000000000000000000000000000000a1";
    String a2 = "0x00000000000000000000000000000000000000a2";
    String t1 = "0x" + "11".repeat(32);
    insertLog(number, 0, txHash, a1, t1);
    insertLog(number, 1, txHash, a1, null);
    insertLog(number, 2, txHash, a2, t1);

    EthFilter byAddress =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(number)),
            DefaultBlockParameter.valueOf(BigInteger.valueOf(number)),
            a1);
    EthLog found = client.web3j.ethGetLogs(byAddress).send();
    assertThat(found.hasError()).as("%s", found.getError()).isFalse();
    assertThat(found.getLogs()).hasSize(2);
    EthLog.LogObject first = (EthLog.LogObject) found.getLogs().getFirst();
    assertThat(first.getAddress()).isEqualTo(a1);
    assertThat(first.getTopics()).containsExactly(t1);
    assertThat(first.getData()).isEqualTo("0x0102");
    assertThat(first.getBlockHash()).isEqualTo(receipt.getBlockHash());
    assertThat(first.getBlockNumber().longValueExact()).isEqualTo(number);
    assertThat(first.getTransactionHash()).isEqualTo(receipt.getTransactionHash());
    assertThat(first.getTransactionIndex()).isZero();
    assertThat(first.getLogIndex()).isZero();
    assertThat(first.isRemoved()).isFalse();
    String blockHash = receipt.getBlockHash();
    JsonNode byTopic =
        client.result(
            "eth_getLogs", "{\"blockHash\":\"" + blockHash + "\",\"topics\":[[\"" + t1 + "\"]]}");
    assertThat(byTopic.size()).isEqualTo(2);
    assertThat(byTopic.get(1).get("address").asString()).isEqualTo(a2);
    assertThat(byTopic.get(0).has("blockTimestamp")).isTrue();
    assertThat(
            client
                .result(
                    "eth_getLogs",
                    "{\"blockHash\":\"" + blockHash + "\",\"topics\":[null,\"" + t1 + "\"]}")
                .size())
        .isZero();

    client.assertError(
        "eth_getLogs",
        "{\"blockHash\":\"" + blockHash + "\"}",
        -32005,
        "query returned more than 2 results");
    client.assertError(
        "eth_getLogs",
        "{\"fromBlock\":\"" + hex(number - 2) + "\",\"toBlock\":\"" + hex(number) + "\"}",
        -32000,
        "exceed maximum block range: 2");
    client.assertError(
        "eth_getLogs",
        "{\"fromBlock\":\"" + hex(number) + "\",\"toBlock\":\"" + hex(number - 1) + "\"}",
        -32602,
        "invalid block range params");
    client.assertError(
        "eth_getLogs",
        "{\"fromBlock\":\"" + hex(number) + "\",\"toBlock\":\"0xffffff\"}",
        -32602,
        "block range extends beyond current head block");
    client.assertError(
        "eth_getLogs",
        "{\"blockHash\":\"" + blockHash + "\",\"fromBlock\":\"0x1\"}",
        -32602,
        "invalid argument 0: cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
    client.assertError(
        "eth_getLogs", "{\"blockHash\":\"" + UNKNOWN + "\"}", -32000, "unknown block");
    client.assertError(
        "eth_getLogs",
        "{\"topics\":[null,null,null,null,null]}",
        -32602,
        "invalid argument 0: exceed max topics");
    client.assertError(
        "eth_getLogs",
        "{\"address\":\"0x12\"}",
        -32602,
        "invalid argument 0: invalid address: hex has invalid length 1 after decoding; expected 20 for address");
    client.assertError("eth_getLogs", "", -32602, "missing value for required argument 0");
    assertThat(client.result("eth_getLogs", "{\"fromBlock\":\"earliest\",\"toBlock\":\"0x0\"}"))
        .isEmpty();
  }

  private void insertLog(long block, int index, byte[] txHash, String address, String topic) {
    jdbc.update(
        "INSERT INTO logs (block_number, log_index, tx_hash, tx_index, address, topic0, data)"
            + " VALUES (?, ?, ?, 0, ?, ?, ?)",
        block,
        index,
        txHash,
        HexFormat.of().parseHex(address.substring(2)),
        topic == null ? null : HexFormat.of().parseHex(topic.substring(2)),
        new byte[] {1, 2});
  }

  private EthBlock.Block block(long number, boolean full) throws Exception {
    return client
        .web3j
        .ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), full)
        .send()
        .getBlock();
  }

  private static String q(String text) {
    return "\"" + text + "\"";
  }

  private static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }
}
