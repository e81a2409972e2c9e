package io.paraseq.sequencer.ingress;

import io.paraseq.sequencer.pool.OrderingPolicy;
import io.paraseq.sequencer.pool.PoolLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigInteger;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The mempool's rules ({@link PoolLimits}, ordering, fee floor). Bound here because the ingress
 * wiring builds the pool.
 *
 * @param accountSlots pending transactions guaranteed per sender ({@code
 *     PARASEQ_POOL_ACCOUNT_SLOTS}, 16)
 * @param accountQueue queued transactions per sender ({@code PARASEQ_POOL_ACCOUNT_QUEUE}, 64)
 * @param globalSlots pending transactions in all ({@code PARASEQ_POOL_GLOBAL_SLOTS}, 5120)
 * @param globalQueue queued transactions in all ({@code PARASEQ_POOL_GLOBAL_QUEUE}, 1024)
 * @param lifetime how long a queued transaction may wait ({@code PARASEQ_POOL_LIFETIME}, 3h)
 * @param priceBumpPercent fee increase a replacement needs ({@code
 *     PARASEQ_POOL_PRICE_BUMP_PERCENT}, 10)
 * @param ordering {@code fifo} or {@code priority-fee} ({@code PARASEQ_POOL_ORDERING}, fifo)
 * @param minFeeCap lowest fee cap (or gas price) accepted, in wei ({@code
 *     PARASEQ_POOL_MIN_FEE_CAP}, 1, as geth's price limit)
 */
@ConfigurationProperties("paraseq.pool")
@Validated
record PoolProperties(
    @DefaultValue("16") @Min(1) int accountSlots,
    @DefaultValue("64") @Min(1) int accountQueue,
    @DefaultValue("5120") @Min(1) @Max(10_000_000) int globalSlots,
    @DefaultValue("1024") @Min(1) @Max(10_000_000) int globalQueue,
    @DefaultValue("3h") @NotNull Duration lifetime,
    @DefaultValue("10") @Min(0) @Max(1000) int priceBumpPercent,
    @DefaultValue("fifo") @NotNull OrderingPolicy.Kind ordering,
    @DefaultValue("1") @NotNull BigInteger minFeeCap) {

  /** Checks what annotations cannot, with the pool's own rules. */
  PoolProperties {
    if (minFeeCap != null && minFeeCap.signum() < 0) {
      throw new IllegalArgumentException("paraseq.pool.min-fee-cap must be >= 0, got " + minFeeCap);
    }
    if (lifetime != null) {
      try {
        limits(accountSlots, accountQueue, globalSlots, globalQueue, lifetime, priceBumpPercent);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("paraseq.pool: " + e.getMessage(), e);
      }
    }
  }

  /** The pool's bounds. */
  PoolLimits limits() {
    return limits(accountSlots, accountQueue, globalSlots, globalQueue, lifetime, priceBumpPercent);
  }

  private static PoolLimits limits(
      int accountSlots,
      int accountQueue,
      int globalSlots,
      int globalQueue,
      Duration lifetime,
      int priceBumpPercent) {
    return new PoolLimits(
        accountSlots, accountQueue, globalSlots, globalQueue, lifetime, priceBumpPercent);
  }
}
