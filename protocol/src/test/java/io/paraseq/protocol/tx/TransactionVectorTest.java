package io.paraseq.protocol.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.testing.Json;
import io.paraseq.protocol.testing.TestVectors;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the ethereum/tests TransactionTests vectors: one dynamic test per vector, named after its
 * file, its name, the fork whose result is used and the expected outcome. Point it at any folder
 * with:
 *
 * <pre>./mvnw -pl protocol test -Dtest=TransactionVectorTest -Dparaseq.vectors.dir=/absolute/folder
 * </pre>
 *
 * <p>The folder's {@code TransactionTests} subfolder is used when it has one. Finding no vector
 * fails.
 *
 * <p>Each vector holds {@code txbytes} and {@code result.<fork>}. The Cancun result is used. Some
 * files were filled before Cancun existed and have none; for those the newest of Shanghai, Paris
 * and London is used: for transaction types 0–2 the decoding and validity rules (EIP-155, -2,
 * -2028, -2930, -1559, -3860) are the same in London, Paris, Shanghai and Cancun (EIP-3860's
 * init-code limit arrived in Shanghai, and the London-only vectors are not creations), so their
 * verdict is Cancun's.
 *
 * <p>A success result ({@code hash}, {@code sender}, {@code intrinsicGas}) must decode, validate
 * and recover to the same three values, and re-encode to the same bytes. An {@code exception}
 * result must be rejected by decoding, validation (intrinsic gas and init-code limit against the
 * transaction's own gas limit) or sender recovery. The vectors were filled for Ethereum mainnet:
 * every valid one is pre-EIP-155 or signed for chain 1, and the {@code INVALID_CHAINID} ones are
 * invalid precisely because they are signed for another chain, so the validator checks chain id 1
 * (the vectors' network, as Paraseq's ingress checks its own chain id) and accepts unprotected
 * legacy transactions, as mainnet does.
 */
class TransactionVectorTest {

  /** Forks whose result is used, most preferred first. */
  private static final List<String> FORKS = List.of("Cancun", "Shanghai", "Paris", "London");

  private static final TransactionValidator VALIDATOR =
      new TransactionValidator(new ValidationPolicy(ChainId.MAINNET, true, false));

  @TestFactory
  List<DynamicTest> transactionTests() {
    Path folder = TestVectors.suite("TransactionTests");
    List<DynamicTest> tests = new ArrayList<>();
    Map<String, Integer> forksUsed = new TreeMap<>();
    for (Path file : TestVectors.jsonFiles(folder)) {
      String prefix = folder.relativize(file).toString();
      for (Map.Entry<String, Json> vector :
          TestVectors.read(file).asObject().members().entrySet()) {
        Json.Obj body = vector.getValue().asObject();
        Json.Obj results = body.require("result").asObject();
        String fork =
            FORKS.stream()
                .filter(name -> results.get(name).isPresent())
                .findFirst()
                .orElseThrow(
                    () -> new IllegalArgumentException(prefix + ": no result for " + FORKS));
        forksUsed.merge(fork, 1, Integer::sum);
        Json.Obj expected = results.require(fork).asObject();
        String name = prefix + " " + vector.getKey() + " [" + fork + "] " + outcome(expected);
        String txbytes = body.require("txbytes").asString();
        tests.add(DynamicTest.dynamicTest(name, () -> check(name, txbytes, expected)));
      }
    }
    assertThat(tests).as("transaction vectors found under %s", folder).isNotEmpty();
    System.out.println(
        "TransactionTests folder=" + folder + " vectors=" + tests.size() + " " + forksUsed);
    return tests;
  }

  private static void check(String name, String txbytes, Json.Obj expected) {
    Optional<Bytes> raw = parseHex(txbytes);
    TransactionResult<VerifiedTransaction> ours =
        raw.map(VALIDATOR::verify)
            .orElseGet(
                () -> TransactionResult.invalid(InvalidTransaction.RLP_MALFORMED, "not hex"));
    String verdict = ours.rejectionIfInvalid().map(Rejection::message).orElse("VALID");
    System.out.println("vector=" + name + " ours=" + verdict);
    if (expected.get("exception").isPresent()) {
      assertThat(ours.isValid())
          .as("expected %s, but we accepted it", expected.require("exception").asString())
          .isFalse();
      return;
    }
    assertThat(ours.rejectionIfInvalid()).as("expected valid, got %s", verdict).isEmpty();
    VerifiedTransaction tx = ours.orElseThrow();
    assertThat(tx.hash()).isEqualTo(Hash.fromHex(expected.require("hash").asString()));
    assertThat(tx.sender()).isEqualTo(Address.fromHex(expected.require("sender").asString()));
    assertThat(BigInteger.valueOf(tx.intrinsicGas()))
        .isEqualTo(new BigInteger(expected.require("intrinsicGas").asString().substring(2), 16));
    assertThat(TransactionEncoder.encode(tx.transaction())).isEqualTo(raw.orElseThrow());
  }

  private static String outcome(Json.Obj expected) {
    return expected
        .get("exception")
        .map(exception -> "expects " + exception.asString())
        .orElse("expects valid");
  }

  /** {@code txbytes} is 0x-prefixed hex; a few invalid vectors may not even be that. */
  private static Optional<Bytes> parseHex(String text) {
    try {
      return Optional.of(Bytes.fromHex(text.startsWith("0x") ? text : "0x" + text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
