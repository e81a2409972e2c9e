package io.paraseq.contracts.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.utils.Numeric;

/**
 * Asserts that a transaction or call reverted with a given Solidity custom error and arguments.
 *
 * <p>web3j reports a reverted transaction as a {@link TransactionException} whose encoded data
 * response holds the revert data: the 4-byte error selector, {@code keccak256(signature)[0:4]},
 * followed by the ABI-encoded arguments. Calls ({@code eth_call}) are checked through {@link
 * #callRevertData}, which reads the same bytes from the JSON-RPC error.
 */
public final class Reverts {

  private Reverts() {}

  /** Something that sends a transaction and is expected to fail. */
  @FunctionalInterface
  public interface Send {
    void run() throws Exception;
  }

  /**
   * {@code 0x} and the first four bytes of {@code keccak256(signature)}, e.g.
   * "WrongSeq(uint64,uint64)".
   */
  public static String selector(String signature) {
    return Hash.sha3String(signature).substring(0, 10);
  }

  /** The expected revert data for {@code signature} with {@code args}, lower-case 0x-hex. */
  public static String encode(String signature, Type<?>... args) {
    @SuppressWarnings("rawtypes") // web3j's encoder takes a raw List<Type>
    List<Type> values = List.of(args);
    return (selector(signature) + FunctionEncoder.encodeConstructor(values))
        .toLowerCase(Locale.ROOT);
  }

  /** Runs {@code send} and asserts it failed with the custom error {@code signature(args)}. */
  public static void assertReverts(Send send, String signature, Type<?>... args) {
    String actual = revertData(send);
    assertEquals(
        encode(signature, args),
        actual,
        () ->
            "expected revert "
                + signature
                + " "
                + Arrays.stream(args).map(Type::getValue).toList()
                + ", got data "
                + actual);
  }

  /**
   * Runs {@code send}, which must throw a {@link TransactionException}, and returns its revert
   * data.
   */
  public static String revertData(Send send) {
    try {
      send.run();
    } catch (TransactionException e) {
      Optional<String> data = e.getEncodedDataResponse();
      if (data.isEmpty()) {
        fail("transaction failed without revert data: " + e.getMessage(), e);
      }
      // web3j keeps the JSON string as it came, quotes included.
      return Numeric.prependHexPrefix(stripQuotes(data.get())).toLowerCase(Locale.ROOT);
    } catch (Exception e) {
      fail("expected a reverted transaction, got " + e, e);
    }
    return fail("expected a revert, but the transaction succeeded");
  }

  /**
   * Performs {@code eth_call} of {@code data} to {@code to} (or a contract creation when {@code to}
   * is null) from {@code from} and returns the revert data; fails if the call succeeds.
   */
  public static String callRevertData(Web3j web3j, String from, String to, String data) {
    Transaction tx =
        to == null
            ? Transaction.createContractTransaction(from, null, null, data)
            : Transaction.createEthCallTransaction(from, to, data);
    EthCall response;
    try {
      response = web3j.ethCall(tx, DefaultBlockParameterName.LATEST).send();
    } catch (IOException e) {
      throw new UncheckedIOException("eth_call failed", e);
    }
    if (!response.hasError()) {
      return fail("expected eth_call to revert, it returned " + response.getValue());
    }
    String revertData = response.getError().getData();
    if (revertData == null) {
      return fail("eth_call failed without revert data: " + response.getError().getMessage());
    }
    return Numeric.prependHexPrefix(stripQuotes(revertData)).toLowerCase(Locale.ROOT);
  }

  private static String stripQuotes(String value) {
    String trimmed = value.trim();
    if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
      return trimmed.substring(1, trimmed.length() - 1);
    }
    return trimmed;
  }
}
