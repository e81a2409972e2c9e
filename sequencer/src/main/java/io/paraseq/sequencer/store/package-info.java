/**
 * JDBC persistence of the node's records. {@link io.paraseq.sequencer.store.PoolStore} is the
 * durable mempool ({@code pool_transactions}): batched writes, one database transaction per ingress
 * batch.
 */
package io.paraseq.sequencer.store;
