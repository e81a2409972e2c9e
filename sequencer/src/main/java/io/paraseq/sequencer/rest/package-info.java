/**
 * The REST API for dApps ({@code /v1/…}), documented by OpenAPI ({@code /v3/api-docs}).
 *
 * <p>One class per resource ({@link io.paraseq.sequencer.rest.TransactionResource}, {@link
 * io.paraseq.sequencer.rest.AccountResource}, …); path parameters and bodies are decoded into
 * {@link io.paraseq.sequencer.rest.Parsed} values, never exceptions. Every error is an RFC 9457
 * problem: the types, statuses and titles are in {@link io.paraseq.sequencer.rest.ProblemType};
 * {@link io.paraseq.sequencer.rest.ProblemHandler} and {@link
 * io.paraseq.sequencer.rest.ProblemErrorController} turn framework errors into problems too.
 * Transaction refusals reuse the JSON-RPC side's table ({@code rpc.IngressErrors}) so both APIs
 * refuse with the same reasons and geth's texts.
 */
package io.paraseq.sequencer.rest;
