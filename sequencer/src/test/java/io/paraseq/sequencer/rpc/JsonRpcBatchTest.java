package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.ingress.IngressResult;
import io.paraseq.sequencer.ingress.TransactionIngress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls of a batch run together: every {@code eth_sendRawTransaction} is submitted to ingress
 * before any is waited for, replies keep the request order, and a failed or late call is an
 * internal error for that call only. Ingress is scripted: each test decides when (and on which
 * thread) the submissions complete.
 */
class JsonRpcBatchTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  /** Ingress that records every submission and hands it to {@code onSubmit}. */
  private static final class ScriptedIngress implements TransactionIngress {
    final List<Submission> submitted = new CopyOnWriteArrayList<>();
    private final BiConsumer<ScriptedIngress, Submission> onSubmit;

    ScriptedIngress(BiConsumer<ScriptedIngress, Submission> onSubmit) {
      this.onSubmit = onSubmit;
    }

    @Override
    public CompletableFuture<IngressResult> submit(Bytes raw) {
      Submission s = new Submission(raw, new CompletableFuture<>());
      submitted.add(s);
      onSubmit.accept(this, s);
      return s.result();
    }
  }

  private record Submission(Bytes raw, CompletableFuture<IngressResult> result) {
    void accept() {
      result.complete(new IngressResult.Accepted(Hash.keccak(raw)));
    }
  }

  private JsonRpcProcessor processor(TransactionIngress ingress, Duration deadline) {
    return new JsonRpcProcessor(
        MethodTables.replacing(
            new EthSendRawTransaction(ingress, EthSendRawTransaction.DEFAULT_TIMEOUT)),
        MethodTables.properties(1000),
        new RpcMetrics(registry),
        deadline);
  }

  private static JsonNode post(JsonRpcProcessor processor, String body) {
    JsonRpcProcessor.Reply reply = processor.process(body.getBytes(StandardCharsets.UTF_8));
    assertThat(reply.status()).isEqualTo(200);
    return JsonMapper.shared().readTree(reply.body().orElseThrow());
  }

  private static String send(int id, int raw) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"eth_sendRawTransaction\",\"params\":[\""
        + raw(raw)
        + "\"]}";
  }

  private static String raw(int i) {
    return "0x%04x".formatted(i);
  }

  private static String hashOf(int i) {
    return HexCodec.data(Hash.keccak(Bytes.fromHex(raw(i))).bytes());
  }

  private static String batchOfSends(int count) {
    List<String> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(send(i, i));
    }
    return "[" + String.join(",", calls) + "]";
  }

  private long timerCount(String outcome) {
    var timer =
        registry
            .find(RpcMetrics.REQUESTS)
            .tags("method", "eth_sendRawTransaction", "outcome", outcome)
            .timer();
    return timer == null ? 0 : timer.count();
  }

  @Test
  void submitsTheWholeBatchBeforeWaitingAndAnswersInRequestOrder() {
    int count = 20;
    // Nothing completes until the last call is submitted; then all complete in reverse order.
    ScriptedIngress ingress =
        new ScriptedIngress(
            (in, s) -> {
              if (in.submitted.size() == count) {
                in.submitted.reversed().forEach(Submission::accept);
              }
            });
    JsonNode reply = post(processor(ingress, Duration.ofSeconds(30)), batchOfSends(count));
    assertThat(reply.size()).isEqualTo(count);
    for (int i = 0; i < count; i++) {
      assertThat(reply.get(i).path("id").asInt()).isEqualTo(i);
      assertThat(reply.get(i).path("result").asString()).isEqualTo(hashOf(i));
    }
    assertThat(ingress.submitted).extracting(Submission::raw).hasSize(count);
    assertThat(ingress.submitted.get(0).raw()).isEqualTo(Bytes.fromHex(raw(0)));
    assertThat(timerCount("success")).isEqualTo(count);
  }

  @Test
  void aSlowCallDoesNotHoldBackTheOthers() {
    // The first call completes only when the last is submitted, from another thread, later.
    ScriptedIngress ingress =
        new ScriptedIngress(
            (in, s) -> {
              if (in.submitted.size() == 1) {
                return;
              }
              s.accept();
              if (in.submitted.size() == 5) {
                CompletableFuture.runAsync(
                    in.submitted.getFirst()::accept,
                    CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
              }
            });
    JsonNode reply =
        post(
            processor(ingress, Duration.ofSeconds(30)),
            "["
                + send(0, 0)
                + ",{\"jsonrpc\":\"2.0\",\"id\":\"c\",\"method\":\"eth_chainId\"},"
                + send(1, 1)
                + ","
                + send(2, 2)
                + ","
                + send(3, 3)
                + ","
                + send(4, 4)
                + "]");
    assertThat(reply.size()).isEqualTo(6);
    assertThat(reply.get(0).path("result").asString()).isEqualTo(hashOf(0));
    assertThat(reply.get(1).path("result").asString()).isEqualTo("0xc7b");
    for (int i = 1; i < 5; i++) {
      assertThat(reply.get(i + 1).path("id").asInt()).isEqualTo(i);
      assertThat(reply.get(i + 1).path("result").asString()).isEqualTo(hashOf(i));
    }
  }

  @Test
  void aFailedSubmissionIsAnInternalErrorForThatCallOnly() {
    ScriptedIngress ingress =
        new ScriptedIngress(
            (in, s) -> {
              if (in.submitted.size() == 2) {
                s.result().completeExceptionally(new IllegalStateException("pool table down"));
              } else if (in.submitted.size() == 3) {
                s.result().complete(new IngressResult.Busy("pool"));
              } else {
                s.accept();
              }
            });
    JsonNode reply = post(processor(ingress, Duration.ofSeconds(30)), batchOfSends(4));
    assertThat(reply.get(0).path("result").asString()).isEqualTo(hashOf(0));
    assertThat(reply.get(1).at("/error/code").asInt()).isEqualTo(-32603);
    assertThat(reply.get(1).at("/error/message").asString()).isEqualTo("internal error");
    assertThat(reply.get(1).at("/error/data/ref").asString()).matches("[0-9a-f]+");
    assertThat(reply.get(1).has("result")).isFalse();
    assertThat(reply.get(1).toString()).doesNotContain("pool table");
    assertThat(reply.get(2).at("/error/code").asInt()).isEqualTo(-32005);
    assertThat(reply.get(3).path("result").asString()).isEqualTo(hashOf(3));
    assertThat(timerCount("success")).isEqualTo(2);
    assertThat(timerCount("internal_error")).isEqualTo(1);
  }

  @Test
  void oneDeadlineForTheBatchAnswersUnfinishedCallsAsInternalErrors() {
    // Call 1 never completes; the others do at once.
    ScriptedIngress ingress =
        new ScriptedIngress(
            (in, s) -> {
              if (in.submitted.size() != 2) {
                s.accept();
              }
            });
    long started = System.nanoTime();
    JsonNode reply = post(processor(ingress, Duration.ofMillis(100)), batchOfSends(3));
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(reply.get(0).path("result").asString()).isEqualTo(hashOf(0));
    assertThat(reply.get(1).at("/error/code").asInt()).isEqualTo(-32603);
    assertThat(reply.get(2).path("result").asString()).isEqualTo(hashOf(2));
    assertThat(timerCount("internal_error")).isEqualTo(1);
  }

  @Test
  void aSingleCallWaitsForItsAnswerAndNotificationsAreSubmittedWithoutReply() {
    ScriptedIngress ingress =
        new ScriptedIngress(
            (in, s) ->
                CompletableFuture.runAsync(
                    s::accept, CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS)));
    JsonRpcProcessor processor = processor(ingress, Duration.ofSeconds(30));
    JsonNode single = post(processor, send(7, 7));
    assertThat(single.toString())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"" + hashOf(7) + "\"}");

    JsonRpcProcessor.Reply notified =
        processor.process(
            ("[{\"jsonrpc\":\"2.0\",\"method\":\"eth_sendRawTransaction\",\"params\":[\""
                    + raw(8)
                    + "\"]}]")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(notified.body()).isEmpty();
    assertThat(ingress.submitted).hasSize(2);
    assertThat(ingress.submitted.get(1).result()).isCompleted();
    assertThat(timerCount("success")).isEqualTo(2);
  }

  @Test
  void aMalformedArgumentIsAnsweredWithoutSubmitting() {
    ScriptedIngress ingress = new ScriptedIngress((in, s) -> s.accept());
    JsonNode reply =
        post(
            processor(ingress, Duration.ofSeconds(30)),
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\","
                + "\"params\":[\"0x123\"]},"
                + send(2, 2)
                + "]");
    assertThat(reply.get(0).at("/error/message").asString())
        .isEqualTo("invalid argument 0: hex string of odd length");
    assertThat(reply.get(1).path("result").asString()).isEqualTo(hashOf(2));
    assertThat(ingress.submitted).hasSize(1);
  }
}
