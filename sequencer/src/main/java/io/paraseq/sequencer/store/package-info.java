/**
 * JDBC persistence of the node's records. {@link io.paraseq.sequencer.store.PoolStore} is the
 * durable mempool ({@code pool_transactions}): batched writes, one database transaction per ingress
 * batch. {@link io.paraseq.sequencer.store.ChainStore} writes the chain tables; {@link
 * io.paraseq.sequencer.store.ChainQueries} reads them (blocks, transactions, receipts, logs, and
 * pending transactions from the pool table) as domain values for the APIs.
 */
package io.paraseq.sequencer.store;
