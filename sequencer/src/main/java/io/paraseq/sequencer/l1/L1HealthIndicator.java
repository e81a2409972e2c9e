package io.paraseq.sequencer.l1;

import io.paraseq.sequencer.config.L1Properties;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;

/**
 * Reports whether the L1 node answers, is the configured chain, and holds the Rollup contract.
 *
 * <p>Shown as the {@code l1} component of {@code /actuator/health}. Logs one line when the state
 * changes, not one per probe. Called from any HTTP thread; the only shared state is the last
 * status, kept in an atomic reference.
 */
final class L1HealthIndicator implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(L1HealthIndicator.class);

  private final Web3j l1;
  private final L1Properties properties;
  private final AtomicReference<Status> lastStatus = new AtomicReference<>(Status.UNKNOWN);

  L1HealthIndicator(Web3j l1, L1Properties properties) {
    this.l1 = l1;
    this.properties = properties;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.unknown().withDetail("rpcUrl", properties.rpcUrl().toString());
    Optional<String> problem;
    try {
      problem = check(health);
    } catch (IOException | RuntimeException e) {
      problem =
          Optional.of("L1 unreachable: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    problem.ifPresentOrElse(p -> health.down().withDetail("error", p), health::up);
    Health result = health.build();
    Status previous = lastStatus.getAndSet(result.getStatus());
    if (!previous.equals(result.getStatus())) {
      log.info(
          "l1 health status={} rpcUrl={}{}",
          result.getStatus().getCode(),
          properties.rpcUrl(),
          problem.map(p -> " error=\"" + p + "\"").orElse(""));
    }
    return result;
  }

  /** Fills in the details; returns the reason the L1 is unusable, if it is. */
  private Optional<String> check(Health.Builder health) throws IOException {
    BigInteger chainId = result(l1.ethChainId().send(), "eth_chainId").getChainId();
    BigInteger head = result(l1.ethBlockNumber().send(), "eth_blockNumber").getBlockNumber();
    health.withDetail("chainId", chainId).withDetail("blockNumber", head);

    if (properties.expectedChainId().isPresent()
        && !BigInteger.valueOf(properties.expectedChainId().get()).equals(chainId)) {
      return Optional.of(
          "L1 chain id is " + chainId + ", configured " + properties.expectedChainId().get());
    }
    if (properties.rollup().isPresent()) {
      String address = properties.rollup().get();
      health.withDetail("rollup", address);
      String code =
          result(l1.ethGetCode(address, DefaultBlockParameterName.LATEST).send(), "eth_getCode")
              .getCode();
      if (code == null || code.isEmpty() || code.equals("0x")) {
        return Optional.of("no contract code at the Rollup address " + address);
      }
    }
    return Optional.empty();
  }

  private static <T extends Response<?>> T result(T response, String method) throws IOException {
    if (response.hasError()) {
      throw new IOException(
          method
              + " failed: "
              + response.getError().getCode()
              + " "
              + response.getError().getMessage());
    }
    return response;
  }
}
