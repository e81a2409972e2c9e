package io.paraseq.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** protocol/ is the pure core: it may not reach into the edges (DESIGN.md §1, STYLE.md). */
class LayeringTest {

  private static final JavaClasses PROTOCOL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.paraseq.protocol");

  @Test
  void protocolImportsNoFrameworkJdbcOrWeb3j() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.web3j..",
            "java.sql..",
            "javax.sql..",
            "org.postgresql..",
            "org.flywaydb..",
            "com.fasterxml.jackson..",
            "tools.jackson..",
            "io.paraseq.sequencer..",
            "io.paraseq.batcher..",
            "io.paraseq.contracts..",
            "io.paraseq.db..")
        .allowEmptyShould(true)
        .check(PROTOCOL);
  }
}
