package io.paraseq.sequencer.devnet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Devnet only: optionally starts from an empty schema. Never active outside the {@code devnet}
 * profile, and Flyway's clean stays disabled in every other profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("devnet")
class DevnetConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DevnetConfiguration.class);

  @Bean
  FlywayMigrationStrategy devnetMigrationStrategy(
      @Value("${paraseq.devnet.fresh-start:false}") boolean freshStart) {
    return flyway -> {
      if (freshStart) {
        log.info(
            "devnet fresh start: cleaning schemas={}",
            String.join(",", flyway.getConfiguration().getSchemas()));
        flyway.clean();
      }
      flyway.migrate();
    };
  }
}
