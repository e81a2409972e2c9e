package io.paraseq.contracts;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * The validated settings of {@link RollupDeployer}, read from {@code --name value} arguments, each
 * of which falls back to an environment variable. {@link #toString()} never shows the key.
 */
record DeployerOptions(
    String rpcUrl,
    Credentials deployer,
    Optional<String> owner,
    String sequencer,
    byte[] genesisStateRoot,
    Duration challengePeriod,
    Optional<Path> out,
    Duration receiptTimeout) {

  /** One option: its command line name, environment variable and description. */
  enum Option {
    RPC_URL("--rpc-url", "PARASEQ_L1_RPC_URL", "L1 JSON-RPC URL (default http://127.0.0.1:8545)"),
    DEPLOYER_KEY(
        "--deployer-key",
        "PARASEQ_DEPLOYER_KEY",
        "hex private key that pays for the deployment (prefer the environment variable)"),
    OWNER("--owner", "PARASEQ_ROLLUP_OWNER", "owner address (default: the deployer's address)"),
    SEQUENCER("--sequencer", "PARASEQ_SEQUENCER_ADDRESS", "initial sequencer address (required)"),
    GENESIS_STATE_ROOT(
        "--genesis-state-root",
        "PARASEQ_GENESIS_STATE_ROOT",
        "32-byte hex state root of L2 block 0 (required)"),
    CHALLENGE_PERIOD(
        "--challenge-period-seconds",
        "PARASEQ_CHALLENGE_PERIOD_SECONDS",
        "seconds after its append before a batch is final (default 604800, seven days)"),
    OUT("--out", "PARASEQ_DEPLOYMENT_FILE", "file to write the deployment JSON to (optional)"),
    RECEIPT_TIMEOUT(
        "--receipt-timeout-seconds",
        "PARASEQ_RECEIPT_TIMEOUT_SECONDS",
        "how long to wait for the deployment receipt (default 120)");

    final String flag;
    final String env;
    final String help;

    Option(String flag, String env, String help) {
      this.flag = flag;
      this.env = env;
      this.help = help;
    }
  }

  static final String DEFAULT_RPC_URL = "http://127.0.0.1:8545";
  static final Duration DEFAULT_RECEIPT_TIMEOUT = Duration.ofSeconds(120);

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern BYTES32 = Pattern.compile("0x[0-9a-fA-F]{64}");
  private static final Pattern KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
  private static final BigInteger SECP256K1_N =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

  DeployerOptions {
    genesisStateRoot = genesisStateRoot.clone();
  }

  @Override
  public byte[] genesisStateRoot() {
    return genesisStateRoot.clone();
  }

  /** The address that becomes the owner: {@link #owner()} or else the deployer's address. */
  String effectiveOwner() {
    return owner.orElse(deployer.getAddress());
  }

  /**
   * Parses arguments (which win) and environment variables.
   *
   * @throws IllegalArgumentException with a message naming the bad option (never its key value)
   */
  static DeployerOptions parse(String[] args, Map<String, String> env) {
    Map<Option, String> values = new HashMap<>();
    for (Option option : Option.values()) {
      String value = env.get(option.env);
      if (value != null && !value.isBlank()) {
        values.put(option, value.trim());
      }
    }
    for (int i = 0; i < args.length; i++) {
      Option option = byFlag(args[i]);
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option.flag + " needs a value");
      }
      values.put(option, args[++i].trim());
    }

    String rpcUrl = values.getOrDefault(Option.RPC_URL, DEFAULT_RPC_URL);
    if (!rpcUrl.startsWith("http://") && !rpcUrl.startsWith("https://")) {
      throw new IllegalArgumentException(
          Option.RPC_URL.flag + " must be an http(s) URL: " + rpcUrl);
    }
    Credentials deployer = parseKey(require(values, Option.DEPLOYER_KEY));
    Optional<String> owner =
        Optional.ofNullable(values.get(Option.OWNER)).map(v -> address(Option.OWNER, v));
    String sequencer = address(Option.SEQUENCER, require(values, Option.SEQUENCER));
    byte[] root = stateRoot(require(values, Option.GENESIS_STATE_ROOT));
    Optional<Path> out = Optional.ofNullable(values.get(Option.OUT)).map(Path::of);
    Duration challengePeriod =
        seconds(values, Option.CHALLENGE_PERIOD, RollupDeployer.DEFAULT_CHALLENGE_PERIOD, true);
    Duration timeout = seconds(values, Option.RECEIPT_TIMEOUT, DEFAULT_RECEIPT_TIMEOUT, false);
    return new DeployerOptions(
        rpcUrl, deployer, owner, sequencer, root, challengePeriod, out, timeout);
  }

  private static Duration seconds(
      Map<Option, String> values, Option option, Duration fallback, boolean zeroAllowed) {
    if (!values.containsKey(option)) {
      return fallback;
    }
    String raw = values.get(option);
    Duration value;
    try {
      value = Duration.ofSeconds(Long.parseLong(raw));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option.flag + " must be a whole number of seconds: " + raw);
    }
    if (value.isNegative() || (value.isZero() && !zeroAllowed)) {
      throw new IllegalArgumentException(
          option.flag + (zeroAllowed ? " must not be negative: " : " must be positive: ") + raw);
    }
    return value;
  }

  /** The option list for {@code --help}. */
  static String usage() {
    StringBuilder text =
        new StringBuilder(
            "Usage: RollupDeployer [options]\n"
                + "Deploys the Rollup contract and prints"
                + " {\"l1ChainId\":…,\"rollup\":\"0x…\",\"deployBlock\":…}.\n"
                + "Each option falls back to the environment variable in brackets.\n");
    for (Option option : Option.values()) {
      text.append(
          String.format(Locale.ROOT, "  %-28s %s [%s]%n", option.flag, option.help, option.env));
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return "DeployerOptions[rpcUrl="
        + rpcUrl
        + ", deployer="
        + deployer.getAddress()
        + ", owner="
        + effectiveOwner()
        + ", sequencer="
        + sequencer
        + ", genesisStateRoot="
        + Numeric.toHexString(genesisStateRoot)
        + ", challengePeriod="
        + challengePeriod
        + ", out="
        + out.map(Path::toString).orElse("-")
        + ", receiptTimeout="
        + receiptTimeout
        + "]";
  }

  private static Option byFlag(String flag) {
    for (Option option : Option.values()) {
      if (option.flag.equals(flag)) {
        return option;
      }
    }
    throw new IllegalArgumentException("unknown option: " + flag + " (see --help)");
  }

  private static String require(Map<Option, String> values, Option option) {
    String value = values.get(option);
    if (value == null) {
      throw new IllegalArgumentException(
          "missing " + option.flag + " (or environment variable " + option.env + ")");
    }
    return value;
  }

  private static String address(Option option, String value) {
    if (!ADDRESS.matcher(value).matches()) {
      throw new IllegalArgumentException(
          option.flag + " must be a 0x-prefixed 20-byte hex address: " + value);
    }
    if (Numeric.toBigInt(value).signum() == 0) {
      throw new IllegalArgumentException(option.flag + " must not be the zero address");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private static byte[] stateRoot(String value) {
    if (!BYTES32.matcher(value).matches()) {
      throw new IllegalArgumentException(
          Option.GENESIS_STATE_ROOT.flag + " must be 0x followed by 64 hex digits: " + value);
    }
    byte[] root = Numeric.hexStringToByteArray(value);
    if (Numeric.toBigInt(root).signum() == 0) {
      throw new IllegalArgumentException(Option.GENESIS_STATE_ROOT.flag + " must not be zero");
    }
    return root;
  }

  // The messages deliberately never include the key text.
  private static Credentials parseKey(String value) {
    if (!KEY.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "malformed deployer private key ("
              + Option.DEPLOYER_KEY.flag
              + " / "
              + Option.DEPLOYER_KEY.env
              + "): expected 64 hex digits, optionally 0x-prefixed");
    }
    BigInteger key = Numeric.toBigInt(value);
    if (key.signum() == 0 || key.compareTo(SECP256K1_N) >= 0) {
      throw new IllegalArgumentException(
          "malformed deployer private key: not a valid secp256k1 private key");
    }
    return Credentials.create(Numeric.toHexStringNoPrefixZeroPadded(key, 64));
  }
}
