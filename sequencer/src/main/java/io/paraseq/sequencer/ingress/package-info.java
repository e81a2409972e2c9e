/**
 * Durable transaction ingress (DESIGN.md §2.1): {@link io.paraseq.sequencer.ingress.IngressService}
 * verifies raw transactions in parallel and hands them to the single pool writer, which applies the
 * mempool's rules and group-commits the pool table before anything is acknowledged.
 */
package io.paraseq.sequencer.ingress;
