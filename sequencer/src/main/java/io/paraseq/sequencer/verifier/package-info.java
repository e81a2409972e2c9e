/**
 * The verifier role: wiring of the derivation pipeline ({@code io.paraseq.batcher.derive}) into the
 * node, its settings and health, and the embedded verifier a sequencer can run in its own process.
 */
package io.paraseq.sequencer.verifier;
