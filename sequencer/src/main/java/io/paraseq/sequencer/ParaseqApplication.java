package io.paraseq.sequencer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Paraseq sequencer node. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParaseqApplication {

  /** Starts the node; settings come from application.yml, the environment and the arguments. */
  public static void main(String[] args) {
    SpringApplication.run(ParaseqApplication.class, RoleArgument.rewrite(args));
  }
}
