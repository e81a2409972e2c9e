package io.paraseq.sequencer.rest;

import static io.paraseq.sequencer.ingress.Web3jTransactions.ETH;
import static io.paraseq.sequencer.ingress.Web3jTransactions.GWEI;
import static io.paraseq.sequencer.ingress.Web3jTransactions.dynamic;
import static io.paraseq.sequencer.ingress.Web3jTransactions.hashOf;
import static io.paraseq.sequencer.ingress.Web3jTransactions.legacy;
import static io.paraseq.sequencer.ingress.Web3jTransactions.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.sequencer.ingress.Web3jTransactions;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.web3j.crypto.Credentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API of the real application (fresh PostgreSQL schema, real anvil L1, the block producer
 * running) over real HTTP, with transactions signed by web3j from the development accounts: submit,
 * the account after inclusion to the wei, and every error as an RFC 9457 problem with its status,
 * type and detail. One application context serves the whole class; each test uses its own sender.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestApiIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();
  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  private static final BigInteger DEV_BALANCE = BigInteger.TEN.pow(22);
  private static final String PROBLEM_JSON = "application/problem+json";

  private static HttpClient http;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.l1.rpc-url", anvil::rpcUrl);
    registry.add("paraseq.l1.chain-id", () -> AnvilFixture.CHAIN_ID);
    registry.add("paraseq.producer.block-interval", () -> "100ms");
  }

  @BeforeAll
  static void client() {
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  @AfterAll
  static void closeClient() {
    http.close();
  }

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlerMapping;

  // ---- submit and read ----

  @Test
  void aSubmittedTransactionGoesFromPendingToIncludedAndTheAccountMovesToTheWei() throws Exception {
    Credentials dev0 = DevAccounts.credentials(0);
    String raw = transfer(dev0, 0);
    String hash = hashOf(raw);

    HttpResponse<String> submitted = postJson("/v1/transactions", "{\"raw\": \"" + raw + "\"}");

    assertThat(submitted.statusCode()).isEqualTo(202);
    assertThat(submitted.headers().firstValue("Location")).contains("/v1/transactions/" + hash);
    JsonNode body = json(submitted, "application/json");
    assertThat(body.path("hash").asString()).isEqualTo(hash);
    assertThat(body.path("status").asString()).isEqualTo("pending");

    JsonNode tx =
        await("/v1/transactions/" + hash, t -> t.path("status").asString().equals("included"));
    assertThat(tx.path("hash").asString()).isEqualTo(hash);
    assertThat(tx.path("type").asInt()).isEqualTo(2);
    assertThat(tx.path("from").asString()).isEqualTo(checksummed(dev0.getAddress()));
    assertThat(tx.path("to").asString()).isEqualTo(checksummed(Web3jTransactions.TO));
    assertThat(tx.path("nonce").asLong()).isZero();
    assertThat(tx.path("value").asString()).isEqualTo("1");
    assertThat(tx.path("gas").asLong()).isEqualTo(21_000);
    assertThat(tx.path("maxFeePerGas").asString()).isEqualTo(GWEI.shiftLeft(1).toString());
    assertThat(tx.path("input").asString()).isEqualTo("0x");
    long number = tx.at("/block/number").asLong();
    int index = tx.at("/block/index").asInt();
    assertThat(number).isPositive();
    JsonNode receipt = tx.path("receipt");
    assertThat(receipt.path("status").asString()).isEqualTo("success");
    assertThat(receipt.path("gasUsed").asLong()).isEqualTo(21_000);
    // Every transaction of these tests is a 21,000-gas transfer.
    assertThat(receipt.path("cumulativeGasUsed").asLong()).isEqualTo(21_000L * (index + 1));
    assertThat(receipt.path("l1Fee").asString()).isEqualTo("0");
    assertThat(receipt.path("contractAddress").isNull()).isTrue();
    assertThat(receipt.path("logs").isArray()).isTrue();
    assertThat(receipt.path("logs").isEmpty()).isTrue();

    JsonNode block = json(get("/v1/blocks/" + number), "application/json");
    assertThat(block.path("number").asLong()).isEqualTo(number);
    assertThat(block.path("hash").asString()).isEqualTo(tx.at("/block/hash").asString());
    assertThat(block.path("transactions").get(index).asString()).isEqualTo(hash);
    BigInteger baseFee = new BigInteger(block.path("baseFeePerGas").asString());
    BigInteger price = GWEI.shiftLeft(1).min(baseFee.add(GWEI));
    assertThat(new BigInteger(receipt.path("effectiveGasPrice").asString())).isEqualTo(price);

    JsonNode account = awaitAccount(dev0.getAddress(), a -> a.path("nonce").asLong() == 1);
    assertThat(account.path("address").asString()).isEqualTo(checksummed(dev0.getAddress()));
    assertThat(account.path("nonce").isNumber()).isTrue();
    assertThat(account.path("pendingNonce").asLong()).isEqualTo(1);
    assertThat(new BigInteger(account.path("balance").asString()))
        .isEqualTo(
            DEV_BALANCE
                .subtract(BigInteger.ONE)
                .subtract(price.multiply(BigInteger.valueOf(21_000))));
    assertThat(account.path("blockNumber").asLong()).isGreaterThanOrEqualTo(number);
    assertThat(account.path("blockHash").asString()).matches("0x[0-9a-f]{64}");
  }

  @Test
  void blocksAreReadByNumberHexOrLatestWithHashesOrFullTransactions() throws Exception {
    Credentials dev4 = DevAccounts.credentials(4);
    String raw = transfer(dev4, 0);
    assertThat(submit(raw).statusCode()).isEqualTo(202);
    JsonNode tx =
        await(
            "/v1/transactions/" + hashOf(raw), t -> t.path("status").asString().equals("included"));
    long number = tx.at("/block/number").asLong();
    int index = tx.at("/block/index").asInt();

    JsonNode decimal = json(get("/v1/blocks/" + number), "application/json");
    JsonNode hex = json(get("/v1/blocks/0x" + Long.toHexString(number)), "application/json");
    assertThat(hex).isEqualTo(decimal);
    assertThat(decimal.path("gasUsed").asLong())
        .isEqualTo(21_000L * decimal.path("transactions").size());
    assertThat(decimal.path("gasLimit").asLong()).isEqualTo(30_000_000);
    assertThat(decimal.path("feeRecipient").asString())
        .isEqualTo(checksummed("0x4200000000000000000000000000000000000011"));
    assertThat(decimal.path("size").asLong()).isPositive();
    assertThat(decimal.path("logsBloom").asString()).hasSize(2 + 512);

    JsonNode parent = json(get("/v1/blocks/" + (number - 1)), "application/json");
    assertThat(decimal.path("parentHash").asString()).isEqualTo(parent.path("hash").asString());

    JsonNode full = json(get("/v1/blocks/" + number + "?full=true"), "application/json");
    JsonNode object = full.path("transactions").get(index);
    assertThat(object.path("hash").asString()).isEqualTo(hashOf(raw));
    assertThat(object.path("status").asString()).isEqualTo("included");
    assertThat(object.at("/block/number").asLong()).isEqualTo(number);
    assertThat(object.path("receipt").isNull()).isTrue();

    JsonNode latest = json(get("/v1/blocks/latest"), "application/json");
    assertThat(latest.path("number").asLong()).isGreaterThanOrEqualTo(number);
    JsonNode genesis = json(get("/v1/blocks/0"), "application/json");
    assertThat(genesis.path("number").asLong()).isZero();
    assertThat(genesis.path("transactions").isEmpty()).isTrue();

    long beyond = latest.path("number").asLong() + 1000;
    assertProblem(
        get("/v1/blocks/" + beyond),
        404,
        "block-not-found",
        "block " + beyond + " is beyond the head, block ");
  }

  @Test
  void submitAcceptsTheRawBytesAsOctetStream() throws Exception {
    String raw = transfer(DevAccounts.credentials(1), 0);
    HttpResponse<String> submitted =
        send(
            request("/v1/transactions")
                .header("Content-Type", "application/octet-stream")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        HexFormat.of().parseHex(raw.substring(2)))));
    assertThat(submitted.statusCode()).isEqualTo(202);
    assertThat(json(submitted, "application/json").path("hash").asString()).isEqualTo(hashOf(raw));
  }

  @Test
  void thePendingNonceCountsTransactionsWaitingInThePool() throws Exception {
    Credentials dev3 = DevAccounts.credentials(3);
    // A fee cap of 1 wei is accepted by the pool but below every base fee: it stays pending.
    String waiting = dynamic(dev3, 0, 21_000, BigInteger.ONE, BigInteger.ONE, BigInteger.ONE);
    assertThat(submit(waiting).statusCode()).isEqualTo(202);
    JsonNode account = json(get("/v1/accounts/" + dev3.getAddress()), "application/json");
    assertThat(account.path("nonce").asLong()).isZero();
    assertThat(account.path("pendingNonce").asLong()).isEqualTo(1);
    assertThat(account.path("balance").asString()).isEqualTo(DEV_BALANCE.toString());

    JsonNode tx = json(get("/v1/transactions/" + hashOf(waiting)), "application/json");
    assertThat(tx.path("status").asString()).isEqualTo("pending");
    assertThat(tx.path("from").asString()).isEqualTo(checksummed(dev3.getAddress()));
    assertThat(tx.path("nonce").asLong()).isZero();
    assertThat(tx.path("maxFeePerGas").asString()).isEqualTo("1");
    assertThat(tx.path("block").isNull()).isTrue();
    assertThat(tx.path("receipt").isNull()).isTrue();
  }

  @Test
  void anUnusedAccountIsEmpty() throws Exception {
    String address = "0x00000000000000000000000000000000000000aa";
    HttpResponse<String> response =
        get("/v1/accounts/" + address.toUpperCase().replace("0X", "0x"));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode account = json(response, "application/json");
    assertThat(account.path("address").asString()).isEqualTo(checksummed(address));
    assertThat(account.path("balance").asString()).isEqualTo("0");
    assertThat(account.path("nonce").asLong()).isZero();
    assertThat(account.path("pendingNonce").asLong()).isZero();
  }

  // ---- transaction refusals: the same reasons and texts as eth_sendRawTransaction ----

  @Test
  void refusalsAreProblemsWithGethsTextsAndTheJsonRpcCode() throws Exception {
    Credentials dev2 = DevAccounts.credentials(2);
    // Nonce 5 waits in the pool behind a gap (never included), so its second copy is "known"
    // however fast blocks are sealed.
    String queued = transfer(dev2, 5);
    assertThat(submit(queued).statusCode()).isEqualTo(202);
    JsonNode known = assertProblem(submit(queued), 409, "already-known", "already known");
    assertThat(known.path("code").asInt()).isEqualTo(-32000);
    assertThat(known.path("title").asString()).isEqualTo("Already known");

    assertProblem(
        submit(dynamic(dev2, 1, 21_000, ETH.multiply(BigInteger.valueOf(20_000)), GWEI, GWEI)),
        409,
        "insufficient-funds",
        "insufficient funds for gas * price + value: balance ");
    assertProblem(
        submit(legacy(dev2, 1, 1)),
        400,
        "invalid-chain-id",
        "invalid chain id for signer: have 1 want 3195");
    assertProblem(
        submit(dynamic(dev2, 1, 20_999, BigInteger.ONE, GWEI, GWEI)),
        400,
        "intrinsic-gas-too-low",
        "intrinsic gas too low: gas 20999, minimum needed 21000");
    assertProblem(
        submit("0x03c0"), 400, "transaction-type-not-supported", "transaction type not supported");
    JsonNode oversized =
        assertProblem(
            submit("0x02" + "00".repeat(128 * 1024)),
            413,
            "oversized-transaction",
            "oversized data: transaction size 131073, limit 131072");
    assertThat(oversized.path("code").asInt()).isEqualTo(-32000);
    assertProblem(submit("0xc0"), 400, "invalid-transaction", "");

    String first = transfer(dev2, 0);
    assertThat(submit(first).statusCode()).isEqualTo(202);
    awaitAccount(dev2.getAddress(), a -> a.path("nonce").asLong() == 1);
    assertProblem(submit(first), 409, "nonce-too-low", "nonce too low: next nonce 1, tx nonce 0");
  }

  // ---- malformed requests ----

  @Test
  void badHexInTheBodyIsAnInvalidBody() throws Exception {
    assertProblem(
        postJson("/v1/transactions", "{\"raw\": \"0x123\"}"),
        400,
        "invalid-body",
        "raw: hex string of odd length");
    assertProblem(
        postJson("/v1/transactions", "{\"raw\": \"02f8\"}"),
        400,
        "invalid-body",
        "raw: hex string without 0x prefix");
    assertProblem(
        postJson("/v1/transactions", "{\"raw\": 5}"),
        400,
        "invalid-body",
        "raw: want a 0x-prefixed hex string");
    assertProblem(postJson("/v1/transactions", "{}"), 400, "invalid-body", "raw: missing");
    assertProblem(
        postJson("/v1/transactions", "[\"0x00\"]"),
        400,
        "invalid-body",
        "the body must be a JSON object");
  }

  @Test
  void malformedJsonIsAProblem() throws Exception {
    assertProblem(
        postJson("/v1/transactions", "{\"raw\": \"0x00\""),
        400,
        "malformed-json",
        "the body is not valid JSON: ");
    assertProblem(
        postJson("/v1/transactions", "{\"raw\": \"0x00\"} x"),
        400,
        "malformed-json",
        "the body is not valid JSON: ");
    assertProblem(postJson("/v1/transactions", ""), 400, "malformed-json", "the body is empty");
  }

  @Test
  void anUnsupportedMediaTypeIs415() throws Exception {
    HttpResponse<String> response =
        send(
            request("/v1/transactions")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("0x00")));
    assertProblem(response, 415, "unsupported-media-type", "Content-Type 'text/plain'");
  }

  @Test
  void aBodyOverTheLimitIs413WithoutReadingIt() throws Exception {
    String huge = "{\"raw\": \"0x" + "00".repeat(200 * 1024) + "\"}";
    JsonNode problem =
        assertProblem(
            postJson("/v1/transactions", huge),
            413,
            "request-too-large",
            "the body exceeds the limit of 266240 bytes");
    assertThat(problem.path("limit").asInt()).isEqualTo(266_240);
  }

  @Test
  void badPathParametersAre400() throws Exception {
    JsonNode shortAddress =
        assertProblem(
            get("/v1/accounts/0x1234"),
            400,
            "invalid-parameter",
            "address: hex string has length 4, want 40 for common.Address");
    assertThat(shortAddress.path("parameter").asString()).isEqualTo("address");
    assertProblem(
        get("/v1/accounts/f39fd6e51aad88f6f4ce6ab8827279cfffb92266"),
        400,
        "invalid-parameter",
        "address: hex string without 0x prefix");
    assertProblem(
        get("/v1/accounts/0xzz9fd6e51aad88f6f4ce6ab8827279cfffb92266"),
        400,
        "invalid-parameter",
        "address: invalid hex string");
  }

  @Test
  void unknownTransactionsAndBadBlocksAreProblems() throws Exception {
    String unknown = "0x" + "ab".repeat(32);
    assertProblem(
        get("/v1/transactions/" + unknown),
        404,
        "transaction-not-found",
        "no transaction " + unknown + " in the chain or the pool");
    assertProblem(
        get("/v1/transactions/0x1234"),
        400,
        "invalid-parameter",
        "hash: hex string has length 4, want 64 for common.Hash");
    assertProblem(
        get("/v1/blocks/abc"),
        400,
        "invalid-parameter",
        "block: want latest, a decimal number or a 0x-prefixed hex number, got \"abc\"");
    assertProblem(
        get("/v1/blocks/007"), 400, "invalid-parameter", "block: decimal number with leading zero");
    assertProblem(
        get("/v1/blocks/-1"), 400, "invalid-parameter", "block: want latest, a decimal number");
    assertProblem(
        get("/v1/blocks/99999999999999999999"),
        400,
        "invalid-parameter",
        "block: decimal number > 63 bits");
    JsonNode flag =
        assertProblem(
            get("/v1/blocks/latest?full=yes"),
            400,
            "invalid-parameter",
            "full: want true or false, got \"yes\"");
    assertThat(flag.path("parameter").asString()).isEqualTo("full");
  }

  @Test
  void anUnknownRouteIsA404Problem() throws Exception {
    JsonNode problem =
        assertProblem(
            get("/v2/nothing/here"), 404, "not-found", "no endpoint GET /v2/nothing/here");
    assertThat(problem.path("instance").asString()).isEqualTo("/v2/nothing/here");
  }

  @Test
  void aUrlThatTomcatRefusesItselfIsAProblemNotAnHtmlPage() throws Exception {
    for (String path : List.of("/v1/transactions/%2F", "/v1/accounts/%00")) {
      HttpResponse<String> response = get(path);
      assertProblem(
          response,
          400,
          "bad-request",
          "Bad Request: the HTTP server refused the request (malformed request line or URL)");
      assertThat(response.body()).doesNotContain("<html");
    }
  }

  @Test
  void aWrongMethodIs405WithAllow() throws Exception {
    HttpResponse<String> response =
        send(request("/v1/accounts/0x00000000000000000000000000000000000000aa").DELETE());
    assertProblem(response, 405, "method-not-allowed", "Method 'DELETE' is not supported");
    assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(v -> v.contains("GET"));
  }

  @Test
  void problemsAreProblemJsonWhateverTheAcceptHeader() throws Exception {
    HttpResponse<String> response =
        send(request("/v1/accounts/0x12").header("Accept", "application/json").GET());
    assertProblem(response, 400, "invalid-parameter", "address: ");
  }

  @Test
  void theJsonRpcEndpointKeepsAnsweringJsonRpcErrors() throws Exception {
    HttpResponse<String> parse =
        send(
            request("/")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":")));
    assertThat(parse.statusCode()).isEqualTo(200);
    assertThat(json(parse, "application/json").at("/error/code").asInt()).isEqualTo(-32700);
    HttpResponse<String> wrongType =
        send(
            request("/")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(wrongType.statusCode()).isEqualTo(415);
    assertThat(json(wrongType, "application/json").at("/error/code").asInt()).isEqualTo(-32600);
    HttpResponse<String> getRoot = send(request("/").GET());
    assertThat(getRoot.statusCode()).isEqualTo(405);
    assertThat(json(getRoot, "application/json").at("/error/message").asString())
        .isEqualTo("method not allowed");
  }

  @Test
  void anAcceptThatExcludesJsonIs406AndAnUnparseableContentTypeIs415() throws Exception {
    assertProblem(
        send(
            request("/v1/transactions")
                .header("Content-Type", "application/json")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))),
        406,
        "not-acceptable",
        "Acceptable representations: [application/json]");
    assertProblem(
        send(
            request("/v1/transactions")
                .header("Content-Type", "nonsense")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))),
        415,
        "unsupported-media-type",
        "Could not parse Content-Type");
  }

  @Test
  void theErrorPageIsAProblemToo() throws Exception {
    assertProblem(get("/error"), 404, "not-found", "no endpoint GET /error");
  }

  // ---- the OpenAPI document ----

  @Test
  void theOpenApiDocumentDescribesEveryEndpointWithExamples() throws Exception {
    HttpResponse<String> response = get("/v3/api-docs");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode spec = json(response, "application/json");
    Files.writeString(Path.of("target", "openapi.json"), response.body());
    assertThat(spec.path("openapi").asString()).startsWith("3.");

    Set<String> documented = new TreeSet<>();
    Set<String> served = new TreeSet<>();
    handlerMapping
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              for (String path : info.getPatternValues()) {
                if (!path.startsWith("/v1/")) {
                  continue;
                }
                for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                  served.add(verb.name().toLowerCase(Locale.ROOT) + " " + path);
                  JsonNode operation =
                      spec.path("paths").path(path).path(verb.name().toLowerCase(Locale.ROOT));
                  assertThat(operation.isObject()).as("%s %s documented", verb, path).isTrue();
                  documented.add(verb.name().toLowerCase(Locale.ROOT) + " " + path);
                  assertOperation(spec, verb + " " + path, operation, method);
                }
              }
            });
    assertThat(served)
        .containsExactlyInAnyOrder(
            "post /v1/transactions",
            "get /v1/transactions/{hash}",
            "get /v1/accounts/{address}",
            "get /v1/blocks/{block}")
        .isEqualTo(documented);

    JsonNode problemTypes = spec.at("/components/schemas/Problem/properties/type/enum");
    for (ProblemType type : ProblemType.values()) {
      assertThat(problemTypes.toString()).contains(type.uri().toString());
    }
    JsonNode root = spec.path("paths").path("/");
    assertThat(root.propertyNames()).containsExactly("post");
    assertThat(root.at("/post/operationId").asString()).isEqualTo("jsonRpc");
    assertThat(spec.path("paths").propertyNames())
        .allMatch(p -> p.equals("/") || p.startsWith("/v1/"));
  }

  private static void assertOperation(
      JsonNode spec, String name, JsonNode operation, HandlerMethod method) {
    assertThat(operation.path("summary").asString()).as("%s summary", name).isNotBlank();
    assertThat(operation.path("operationId").asString()).as("%s id", name).isNotBlank();
    JsonNode responses = operation.path("responses");
    assertThat(responses.propertyNames()).as("%s responses", name).anyMatch(c -> c.startsWith("2"));
    for (String code : responses.propertyNames()) {
      JsonNode content = responses.path(code).path("content");
      assertThat(content.isObject()).as("%s %s content", name, code).isTrue();
      for (String mediaType : content.propertyNames()) {
        JsonNode media = content.path(mediaType);
        assertThat(media.has("schema")).as("%s %s %s schema", name, code, mediaType).isTrue();
        assertThat(media.path("examples").isObject() || media.has("example"))
            .as("%s %s %s example", name, code, mediaType)
            .isTrue();
      }
    }
    ProblemResponses declared = method.getMethodAnnotation(ProblemResponses.class);
    assertThat(declared).as("%s declares its problems", name).isNotNull();
    for (ProblemType type : declared.value()) {
      JsonNode example =
          responses
              .path(Integer.toString(type.status().value()))
              .path("content")
              .path(PROBLEM_JSON)
              .path("examples")
              .path(type.slug())
              .path("value");
      assertThat(example.path("type").asString())
          .as("%s %s", name, type)
          .isEqualTo(type.uri().toString());
      assertThat(example.path("detail").asString()).isEqualTo(type.example());
    }
    assertThat(responses.at("/500/content").has(PROBLEM_JSON)).isTrue();
  }

  @Test
  void swaggerUiIsServedFromTheJar() throws Exception {
    HttpResponse<String> page = get("/swagger-ui/index.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
    HttpResponse<String> redirect = get("/swagger-ui.html");
    assertThat(redirect.statusCode()).isEqualTo(302);
    HttpResponse<String> config = get("/v3/api-docs/swagger-config");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(json(config, "application/json").path("url").asString()).isEqualTo("/v3/api-docs");
  }

  // ---- helpers ----

  private JsonNode awaitAccount(String address, Predicate<JsonNode> condition) throws Exception {
    return await("/v1/accounts/" + address, condition);
  }

  /** Polls {@code path} (a 200 JSON resource) until {@code condition} holds, at most 20 s. */
  private JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
      JsonNode resource = json(response, "application/json");
      if (condition.test(resource)) {
        return resource;
      }
      assertThat(System.nanoTime()).as("%s never matched: %s", path, resource).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static String checksummed(String address) {
    return org.web3j.crypto.Keys.toChecksumAddress(address);
  }

  private HttpResponse<String> submit(String raw) throws IOException, InterruptedException {
    return postJson("/v1/transactions", "{\"raw\": \"" + raw + "\"}");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  private HttpResponse<String> postJson(String path, String body)
      throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response, String contentType) {
    assertThat(response.headers().firstValue("Content-Type"))
        .as("content type of %s", response.body())
        .hasValueSatisfying(type -> assertThat(type).startsWith(contentType));
    return JsonMapper.shared().readTree(response.body());
  }

  /** Checks an RFC 9457 problem and returns it for more checks. */
  private static JsonNode assertProblem(
      HttpResponse<String> response, int status, String slug, String detailPrefix) {
    assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
    JsonNode problem = json(response, PROBLEM_JSON);
    assertThat(problem.path("type").asString()).isEqualTo("urn:paraseq:problem:" + slug);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asString()).isNotBlank();
    assertThat(problem.path("detail").asString()).startsWith(detailPrefix);
    return problem;
  }
}
