package io.paraseq.batcher.l1;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link L1Client} that retries calls failing with {@link L1UnavailableException} (exponential
 * backoff) inside a circuit breaker: after too many failures the circuit opens and calls fail at
 * once with {@link L1CircuitOpenException} until {@code circuitOpenWait} has passed on the given
 * clock; then a few probe calls (half-open) decide whether it closes again. Request errors ({@link
 * L1RpcErrorException}) and send refusals ({@link SendResult.Rejected}) are answers, not failures.
 *
 * <p>Retrying {@code eth_sendRawTransaction} is safe: the same bytes are the same transaction (the
 * node answers "already known"). The gauge {@code paraseq.l1tx.circuit.state} shows 0 closed, 1
 * open, 2 half-open, 3 other. Thread-safe.
 */
public final class ResilientL1Client implements L1Client {

  private static final Logger log = LoggerFactory.getLogger(ResilientL1Client.class);
  private static final double BACKOFF_MULTIPLIER = 2.0;

  private final L1Client delegate;
  private final Retry retry;
  private final CircuitBreaker circuitBreaker;

  /** Wraps {@code delegate}; the circuit breaker reads time from {@code clock}. */
  public ResilientL1Client(
      L1Client delegate, L1ResilienceConfig config, Clock clock, MeterRegistry registry) {
    this.delegate = delegate;
    this.circuitBreaker =
        CircuitBreaker.of(
            "l1",
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.circuitWindowSize())
                .minimumNumberOfCalls(config.circuitMinimumCalls())
                .failureRateThreshold(config.circuitFailureRatePercent())
                .waitDurationInOpenState(config.circuitOpenWait())
                .permittedNumberOfCallsInHalfOpenState(config.circuitHalfOpenCalls())
                .recordException(e -> e instanceof L1UnavailableException)
                .clock(clock)
                .build());
    this.retry =
        Retry.of(
            "l1",
            RetryConfig.custom()
                .maxAttempts(config.retryMaxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialBackoff(
                        config.retryInitialBackoff(), BACKOFF_MULTIPLIER, config.retryMaxBackoff()))
                .retryOnException(
                    e ->
                        e instanceof L1UnavailableException
                            && !(e instanceof L1CircuitOpenException))
                .build());
    circuitBreaker
        .getEventPublisher()
        .onStateTransition(
            e ->
                log.info(
                    "l1 circuit from={} to={}",
                    e.getStateTransition().getFromState(),
                    e.getStateTransition().getToState()));
    Gauge.builder("paraseq.l1tx.circuit.state", circuitBreaker, ResilientL1Client::stateCode)
        .description("L1 client circuit breaker: 0 closed, 1 open, 2 half-open, 3 other")
        .register(registry);
  }

  /** The circuit breaker's state. */
  public CircuitBreaker.State circuitState() {
    return circuitBreaker.getState();
  }

  @Override
  public long chainId() {
    return guarded("eth_chainId", delegate::chainId);
  }

  @Override
  public L1Block latestBlock() {
    return guarded("eth_getBlockByNumber", delegate::latestBlock);
  }

  @Override
  public Optional<L1Block> blockByNumber(long number) {
    return guarded("eth_getBlockByNumber", () -> delegate.blockByNumber(number));
  }

  @Override
  public long pendingNonce(Address account) {
    return guarded("eth_getTransactionCount", () -> delegate.pendingNonce(account));
  }

  @Override
  public long latestNonce(Address account) {
    return guarded("eth_getTransactionCount", () -> delegate.latestNonce(account));
  }

  @Override
  public SendResult sendRawTransaction(Bytes rawTransaction) {
    return guarded("eth_sendRawTransaction", () -> delegate.sendRawTransaction(rawTransaction));
  }

  @Override
  public Optional<L1Receipt> receipt(Hash txHash) {
    return guarded("eth_getTransactionReceipt", () -> delegate.receipt(txHash));
  }

  @Override
  public Bytes call(Address to, Bytes data) {
    return guarded("eth_call", () -> delegate.call(to, data));
  }

  @Override
  public List<L1Log> logs(Address address, Hash topic0, long fromBlock, long toBlock) {
    return guarded("eth_getLogs", () -> delegate.logs(address, topic0, fromBlock, toBlock));
  }

  @Override
  public Optional<L1TransactionData> transaction(Hash txHash) {
    return guarded("eth_getTransactionByHash", () -> delegate.transaction(txHash));
  }

  private <T> T guarded(String method, Supplier<T> call) {
    Supplier<T> breaking = CircuitBreaker.decorateSupplier(circuitBreaker, call);
    Supplier<T> retrying =
        Retry.decorateSupplier(
            retry,
            () -> {
              try {
                return breaking.get();
              } catch (CallNotPermittedException e) {
                throw new L1CircuitOpenException(method, e);
              }
            });
    return retrying.get();
  }

  private static double stateCode(CircuitBreaker breaker) {
    return switch (breaker.getState()) {
      case CLOSED -> 0;
      case OPEN -> 1;
      case HALF_OPEN -> 2;
      default -> 3;
    };
  }
}
