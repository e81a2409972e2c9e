package io.paraseq.sequencer.config;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the node keeps its records. The server is {@code spring.datasource.url} ({@code
 * PARASEQ_DB_URL}); this record names the schema inside it.
 *
 * @param schema the PostgreSQL schema that Flyway migrates and the node uses ({@code
 *     PARASEQ_DB_SCHEMA}, default {@code paraseq})
 */
@ConfigurationProperties("paraseq.db")
@Validated
public record DbProperties(
    @DefaultValue("paraseq")
        @Pattern(
            regexp = "[a-z_][a-z0-9_]{0,62}",
            message = "must be a lower-case PostgreSQL identifier ([a-z_][a-z0-9_]*, at most 63)")
        String schema) {}
