package io.paraseq.sequencer.l1;

import io.micrometer.core.instrument.MeterRegistry;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.sequencer.chain.L1BaseFeeSource;
import io.paraseq.sequencer.config.L1FeeProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;

/**
 * The source of each block's L1 base fee: the {@link L1BaseFeeWatcher} when {@code
 * paraseq.l1-fee.enabled}, otherwise the configured initial value, always.
 */
@Configuration(proxyBeanMethods = false)
class L1FeeConfiguration {

  @Bean(initMethod = "start", destroyMethod = "close")
  @ConditionalOnProperty(prefix = "paraseq.l1-fee", name = "enabled", havingValue = "true")
  L1BaseFeeWatcher l1BaseFeeWatcher(
      Web3j l1Client, L1FeeProperties properties, MeterRegistry meterRegistry) {
    return new L1BaseFeeWatcher(l1Client, properties, meterRegistry);
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "paraseq.l1-fee",
      name = "enabled",
      havingValue = "false",
      matchIfMissing = true)
  L1BaseFeeSource fixedL1BaseFee(L1FeeProperties properties, MeterRegistry meterRegistry) {
    Wei fixed = properties.initial();
    L1BaseFeeSource source = () -> fixed;
    L1BaseFeeWatcher.registerGauge(meterRegistry, source);
    return source;
  }
}
