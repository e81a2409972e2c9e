package io.paraseq.contracts;

import io.paraseq.contracts.generated.Rollup;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Deploys the {@code Rollup} contract to an L1 and reports where: used by the devnet script and by
 * tests of other modules.
 *
 * <p>Command line: {@code RollupDeployer [--rpc-url URL] --deployer-key HEX [--owner ADDR]
 * --sequencer ADDR --genesis-state-root HEX32 [--challenge-period-seconds N] [--out FILE]
 * [--receipt-timeout-seconds N]}; each option falls back to an environment variable ({@code
 * PARASEQ_L1_RPC_URL}, {@code PARASEQ_DEPLOYER_KEY}, {@code PARASEQ_ROLLUP_OWNER}, {@code
 * PARASEQ_SEQUENCER_ADDRESS}, {@code PARASEQ_GENESIS_STATE_ROOT}, {@code
 * PARASEQ_CHALLENGE_PERIOD_SECONDS}, {@code PARASEQ_DEPLOYMENT_FILE}, {@code
 * PARASEQ_RECEIPT_TIMEOUT_SECONDS}). On success it prints the {@link Deployment} JSON on stdout,
 * writes it to the {@code --out} file if given, and exits 0; on any error it prints one line to
 * stderr and exits 1. The private key is never printed.
 */
public final class RollupDeployer {

  /** The challenge period of {@link #deploy} without one: seven days, as OP Stack chains use. */
  public static final Duration DEFAULT_CHALLENGE_PERIOD = Duration.ofDays(7);

  /** How often the deployer polls for the deployment receipt. */
  public static final Duration RECEIPT_POLL_INTERVAL = Duration.ofMillis(50);

  private static final String PREFIX = "rollup-deployer: ";
  private static final BigInteger GAS_LIMIT_MARGIN_PERCENT = BigInteger.valueOf(125);

  private RollupDeployer() {}

  /**
   * Runs the command line. Exits the JVM with status 1 on failure; returns normally on success so
   * it can also run inside another JVM (e.g. {@code exec:java}).
   */
  public static void main(String[] args) {
    int status = run(args, System.getenv(), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** The command line without {@code System.exit}: returns the exit status. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      out.print(DeployerOptions.usage());
      return 0;
    }
    DeployerOptions options;
    try {
      options = DeployerOptions.parse(args, env);
    } catch (IllegalArgumentException e) {
      err.println(PREFIX + "error: " + e.getMessage());
      return 1;
    }
    Web3j web3j = Web3j.build(new HttpService(options.rpcUrl()));
    try {
      Deployment deployment =
          deploy(
              web3j,
              options.deployer(),
              options.effectiveOwner(),
              options.sequencer(),
              options.genesisStateRoot(),
              options.challengePeriod(),
              options.receiptTimeout());
      String json = deployment.toJson();
      if (options.out().isPresent()) {
        writeAtomically(options.out().get(), json + "\n");
      }
      err.println(
          PREFIX
              + "deployed Rollup at "
              + deployment.rollup()
              + " block="
              + deployment.deployBlock()
              + " chainId="
              + deployment.l1ChainId()
              + " owner="
              + options.effectiveOwner()
              + " sequencer="
              + options.sequencer()
              + " challengePeriodSeconds="
              + options.challengePeriod().toSeconds());
      out.println(json);
      return 0;
    } catch (DeploymentException e) {
      err.println(PREFIX + "error: " + e.getMessage() + " (rpc " + options.rpcUrl() + ")");
      return 1;
    } finally {
      web3j.shutdown();
    }
  }

  /**
   * Deploys {@code Rollup(owner, sequencer, genesisStateRoot)} with the {@link
   * #DEFAULT_CHALLENGE_PERIOD}; see {@link #deploy(Web3j, Credentials, String, String, byte[],
   * Duration, Duration)}.
   */
  public static Deployment deploy(
      Web3j web3j,
      Credentials deployer,
      String owner,
      String sequencer,
      byte[] genesisStateRoot,
      Duration receiptTimeout) {
    return deploy(
        web3j,
        deployer,
        owner,
        sequencer,
        genesisStateRoot,
        DEFAULT_CHALLENGE_PERIOD,
        receiptTimeout);
  }

  /**
   * Deploys {@code Rollup(owner, sequencer, genesisStateRoot, challengePeriod)} signed by {@code
   * deployer}, waits for the receipt (polling every {@link #RECEIPT_POLL_INTERVAL}, up to {@code
   * receiptTimeout}) and checks that code exists at the new address.
   *
   * @throws DeploymentException when the node is unreachable, the deployment reverts or times out,
   *     or no code is found afterwards
   */
  public static Deployment deploy(
      Web3j web3j,
      Credentials deployer,
      String owner,
      String sequencer,
      byte[] genesisStateRoot,
      Duration challengePeriod,
      Duration receiptTimeout) {
    if (challengePeriod.isNegative()) {
      throw new IllegalArgumentException("negative challenge period " + challengePeriod);
    }
    BigInteger challengeSeconds = BigInteger.valueOf(challengePeriod.toSeconds());
    long chainId = chainId(web3j);
    BigInteger gasPrice = gasPrice(web3j);
    @SuppressWarnings("rawtypes") // web3j's encoder takes a raw List<Type>
    List<Type> constructorArgs =
        List.of(
            new Address(owner),
            new Address(sequencer),
            new Bytes32(genesisStateRoot),
            new Uint64(challengeSeconds));
    String deployData = Rollup.BINARY + FunctionEncoder.encodeConstructor(constructorArgs);
    BigInteger gasLimit = estimateGas(web3j, deployer.getAddress(), deployData);

    int attempts =
        (int)
            Math.max(
                1,
                Math.min(
                    Integer.MAX_VALUE,
                    receiptTimeout.toMillis() / RECEIPT_POLL_INTERVAL.toMillis()));
    RawTransactionManager txManager =
        new RawTransactionManager(
            web3j,
            deployer,
            chainId,
            new PollingTransactionReceiptProcessor(
                web3j, RECEIPT_POLL_INTERVAL.toMillis(), attempts));
    Rollup rollup;
    try {
      rollup =
          Rollup.deploy(
                  web3j,
                  txManager,
                  new StaticGasProvider(gasPrice, gasLimit),
                  owner,
                  sequencer,
                  genesisStateRoot,
                  challengeSeconds)
              .send();
    } catch (TransactionException e) {
      throw new DeploymentException("deployment transaction failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw unreachable(e);
    } catch (Exception e) {
      throw new DeploymentException("deployment failed: " + e, e);
    }
    TransactionReceipt receipt =
        rollup
            .getTransactionReceipt()
            .orElseThrow(() -> new DeploymentException("deployment returned no receipt"));
    String address = rollup.getContractAddress();
    requireCode(web3j, address);
    return new Deployment(chainId, address, receipt.getBlockNumber().longValueExact());
  }

  private static long chainId(Web3j web3j) {
    try {
      var response = web3j.ethChainId().send();
      if (response.hasError()) {
        throw new DeploymentException("eth_chainId failed: " + response.getError().getMessage());
      }
      return response.getChainId().longValueExact();
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  // Twice the node's suggestion leaves room for base fee increases while the deployment waits.
  private static BigInteger gasPrice(Web3j web3j) {
    try {
      var response = web3j.ethGasPrice().send();
      if (response.hasError()) {
        throw new DeploymentException("eth_gasPrice failed: " + response.getError().getMessage());
      }
      return response.getGasPrice().shiftLeft(1);
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  private static BigInteger estimateGas(Web3j web3j, String from, String deployData) {
    try {
      EthEstimateGas estimate =
          web3j
              .ethEstimateGas(
                  Transaction.createContractTransaction(from, null, null, "0x" + deployData))
              .send();
      if (estimate.hasError()) {
        throw new DeploymentException(
            "the deployment would fail (eth_estimateGas): " + estimate.getError().getMessage());
      }
      return estimate
          .getAmountUsed()
          .multiply(GAS_LIMIT_MARGIN_PERCENT)
          .divide(BigInteger.valueOf(100));
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  private static void requireCode(Web3j web3j, String address) {
    try {
      var code = web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send();
      if (code.hasError()) {
        throw new DeploymentException("eth_getCode failed: " + code.getError().getMessage());
      }
      String hex = code.getCode();
      if (hex == null || hex.equals("0x") || hex.isEmpty()) {
        throw new DeploymentException("no code at the deployed address " + address);
      }
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  private static DeploymentException unreachable(IOException e) {
    return new DeploymentException("cannot reach the L1 RPC: " + e, e);
  }

  private static void writeAtomically(Path file, String text) {
    Path target = file.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new DeploymentException("cannot write the deployment file " + target + ": " + e, e);
    }
  }

  /** A deployment that could not be completed; the message says why. */
  public static final class DeploymentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeploymentException(String message) {
      super(message);
    }

    DeploymentException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
