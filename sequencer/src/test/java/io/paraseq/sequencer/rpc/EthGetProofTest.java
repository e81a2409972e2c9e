package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.trie.ParallelHashing;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.BlockNumbers;
import io.paraseq.sequencer.chain.ChainHead;
import io.paraseq.sequencer.chain.StateProofs;
import io.paraseq.sequencer.chain.TestHeads;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eth_getProof} over a real world state with a scripted prover: the answer's format, the
 * check that the proof is for the head the call resolved (one retry), and the prover's refusals.
 */
class EthGetProofTest {

  private static final Address ALICE =
      Address.fromHex("0x00000000000000000000000000000000000a11ce");

  private final WorldState state =
      WorldState.fromFlat(
          Map.of(ALICE, Account.of(3, Wei.of(1_000))), Map.of(), ParallelHashing.sequential());
  private final AtomicReference<ChainHead.Head> head =
      new AtomicReference<>(TestHeads.head(7, state));
  private final Deque<Supplier<StateProofs.Outcome>> outcomes = new ArrayDeque<>();
  private final EthGetProof method =
      new EthGetProof(
          new HeadStates(
              head::get, new BlockNumbers(TestHeads.genesis()), hash -> Optional.empty()),
          (address, slots, timeout) -> outcomes.removeFirst().get());

  @Test
  void answersInGethsFormat() {
    outcomes.add(() -> proven(state.stateRoot(), List.of(Hash.ZERO, Hash.ZERO)));

    JsonNode answer =
        success(call("[\"" + ALICE + "\", [\"0x0\", \"0x" + "00".repeat(32) + "\"], \"latest\"]"));

    assertThat(answer.propertyNames())
        .containsExactly(
            "address",
            "accountProof",
            "balance",
            "codeHash",
            "nonce",
            "storageHash",
            "storageProof");
    assertThat(answer.path("address").asString()).isEqualTo(ALICE.toLowerHex());
    assertThat(answer.path("balance").asString()).isEqualTo("0x3e8");
    assertThat(answer.path("nonce").asString()).isEqualTo("0x3");
    assertThat(answer.path("accountProof").size()).isPositive();
    assertThat(answer.at("/storageProof/0/key").asString()).isEqualTo("0x0");
    assertThat(answer.at("/storageProof/1/key").asString()).isEqualTo("0x" + "00".repeat(32));
    assertThat(answer.at("/storageProof/1/value").asString()).isEqualTo("0x0");
    assertThat(answer.at("/storageProof/1/proof").isArray()).isTrue();
  }

  @Test
  void aProofOfAnotherRootIsRetriedOnceForTheNewHead() {
    outcomes.add(this::movedOn);
    outcomes.add(() -> proven(state.stateRoot(), List.of()));
    assertThat(call("[\"" + ALICE + "\", [], \"latest\"]")).isInstanceOf(RpcResult.Success.class);
    assertThat(outcomes).isEmpty();

    // Asked by number, the retry finds that block is history now.
    outcomes.add(this::movedOn);
    assertThat(call("[\"" + ALICE + "\", [], \"0x8\"]"))
        .isEqualTo(RpcError.HISTORICAL_STATE_UNAVAILABLE.failure(9L));

    outcomes.add(this::movedOn);
    outcomes.add(this::movedOn);
    assertThat(call("[\"" + ALICE + "\", [], \"latest\"]"))
        .isEqualTo(
            RpcError.STATE_BUSY.failureWithDetail("the head moved while the proof was built"));
  }

  @Test
  void theProversRefusalsAreAnswered() {
    outcomes.add(() -> new StateProofs.Outcome.Busy("no proof within 5000 ms"));
    assertThat(call("[\"" + ALICE + "\", [], \"latest\"]"))
        .isEqualTo(RpcError.STATE_BUSY.failureWithDetail("no proof within 5000 ms"));
    outcomes.add(() -> new StateProofs.Outcome.Unavailable("the node is shutting down"));
    assertThat(call("[\"" + ALICE + "\", [], \"latest\"]"))
        .isEqualTo(RpcError.STATE_UNAVAILABLE.failureWithDetail("the node is shutting down"));
  }

  @Test
  void argumentsAreCheckedBeforeTheProverIsAsked() {
    assertThat(call("[\"" + ALICE + "\", [\"0xzz\"], \"latest\"]"))
        .isEqualTo(RpcError.INVALID_STORAGE_KEY.failureWithDetail("hex string invalid"));
    assertThat(call("[\"" + ALICE + "\", \"0x0\", \"latest\"]"))
        .isEqualTo(
            RpcError.INVALID_ARGUMENT.failure(
                1, "json: cannot unmarshal string into Go value of type []string"));
    String tooMany = "[" + String.join(",", java.util.Collections.nCopies(1_025, "\"0x1\"")) + "]";
    assertThat(call("[\"" + ALICE + "\", " + tooMany + ", \"latest\"]"))
        .isEqualTo(RpcError.INVALID_ARGUMENT.failure(1, "too many storage keys, at most 1024"));
    assertThat(call("[\"" + ALICE + "\", [], \"0x8\"]"))
        .isEqualTo(RpcError.HEADER_NOT_FOUND.failure());
  }

  private StateProofs.Outcome proven(Hash root, List<Hash> slots) {
    return new StateProofs.Outcome.Proven(root, state.proof(ALICE, slots));
  }

  /** A block was published while the proof was built: the proof is of another root. */
  private StateProofs.Outcome movedOn() {
    head.set(TestHeads.head(head.get().header().number() + 1, state));
    return proven(Hash.keccak(Bytes.of((byte) 9)), List.of());
  }

  private RpcResult call(String params) {
    return method.response(
        new RpcRequest(
            RpcMethodName.ETH_GET_PROOF,
            new RpcParams(
                (tools.jackson.databind.node.ArrayNode) JsonMapper.shared().readTree(params))));
  }

  private static JsonNode success(RpcResult result) {
    assertThat(result).isInstanceOf(RpcResult.Success.class);
    return JsonMapper.shared().valueToTree(((RpcResult.Success) result).value());
  }
}
