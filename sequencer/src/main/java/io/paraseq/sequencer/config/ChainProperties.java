package io.paraseq.sequencer.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The L2 chain this node sequences.
 *
 * @param id the EIP-155 chain id ({@code PARASEQ_CHAIN_ID}, default 3195); at most 2^53 - 1 so
 *     every JSON client can represent it
 */
@ConfigurationProperties("paraseq.chain")
@Validated
public record ChainProperties(@DefaultValue("3195") @Min(1) @Max(9007199254740991L) long id) {}
