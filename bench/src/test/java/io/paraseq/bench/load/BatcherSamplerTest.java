package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatcherSamplerTest {

  private static BatcherSnapshot confirmed(long block) {
    return new BatcherSnapshot(0, 0, block, false, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void keepsEveryReadingInOrderFromTheFirstOneTakenAtStart() throws InterruptedException {
    AtomicInteger reads = new AtomicInteger();
    BatcherSampler sampler =
        new BatcherSampler(() -> confirmed(reads.incrementAndGet()), Duration.ofMillis(1));
    sampler.start();
    assertThat(sampler.samples()).isNotEmpty();
    while (sampler.latest().snapshot().confirmedBlock() < 5) {
      Thread.sleep(1);
    }
    List<BatcherSampler.Sample> samples = sampler.stop();
    assertThat(samples).hasSizeGreaterThanOrEqualTo(5);
    for (int i = 0; i < samples.size(); i++) {
      assertThat(samples.get(i).snapshot().confirmedBlock()).isEqualTo(i + 1);
      if (i > 0) {
        assertThat(samples.get(i).nanos()).isGreaterThanOrEqualTo(samples.get(i - 1).nanos());
      }
    }
    assertThat(sampler.samples()).hasSize(samples.size()); // stopped: no more readings
  }

  @Test
  void aFailedFirstReadingFailsTheStart() {
    BatcherSampler sampler =
        new BatcherSampler(
            () -> {
              throw new BatcherSnapshot.MissingException("paraseq_batcher_lag_blocks");
            },
            Duration.ofMillis(1));
    assertThatThrownBy(sampler::start).isInstanceOf(BatcherSnapshot.MissingException.class);
  }

  @Test
  void aLaterFailureIsRethrownToTheReader() throws InterruptedException {
    AtomicInteger reads = new AtomicInteger();
    BatcherSampler sampler =
        new BatcherSampler(
            () -> {
              if (reads.incrementAndGet() > 2) {
                throw new RpcException("node gone");
              }
              return confirmed(reads.get());
            },
            Duration.ofMillis(1));
    sampler.start();
    while (reads.get() <= 2) {
      Thread.sleep(1);
    }
    Thread.sleep(20);
    assertThatThrownBy(sampler::latest).isInstanceOf(RpcException.class).hasMessage("node gone");
    assertThatThrownBy(sampler::stop).isInstanceOf(RpcException.class);
  }
}
