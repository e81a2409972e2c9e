-- Paraseq schema, version 8: fewer rows and index entries per transfer (issue 5). Each transfer
-- wrote a pool row (2 indexes) and deleted it, a transactions row (2 indexes) and a receipts row
-- (1 index), and upserted two account rows (the senders' updates are already in place, HOT, for
-- ~96 % of them); the block producer's persist and the pool writer's commits are on the critical
-- path of end-to-end throughput (docs/benchmarks.md, "Where the time goes").

-- One row per included transaction: the receipt's columns join the transaction's row (a receipt
-- exists exactly for every included transaction and is written in the same database transaction),
-- so a block writes one row and one hash-index entry per transaction instead of two.
ALTER TABLE transactions
  ADD COLUMN status               SMALLINT CHECK (status IN (0, 1)),
  ADD COLUMN gas_used             uint63,
  ADD COLUMN cumulative_gas_used  uint63,
  ADD COLUMN effective_gas_price  uint256,
  -- The L1 data fee charged for this transaction (DESIGN.md §3, shown as l1Fee).
  ADD COLUMN l1_fee               uint256 NOT NULL DEFAULT 0,
  ADD COLUMN contract_address     address20;

UPDATE transactions t
   SET status = r.status,
       gas_used = r.gas_used,
       cumulative_gas_used = r.cumulative_gas_used,
       effective_gas_price = r.effective_gas_price,
       l1_fee = r.l1_fee,
       contract_address = r.contract_address
  FROM receipts r
 WHERE r.tx_hash = t.hash;

ALTER TABLE transactions
  ALTER COLUMN status SET NOT NULL,
  ALTER COLUMN gas_used SET NOT NULL,
  ALTER COLUMN cumulative_gas_used SET NOT NULL,
  ALTER COLUMN effective_gas_price SET NOT NULL,
  ADD CONSTRAINT transactions_cumulative_gas_used_check CHECK (cumulative_gas_used >= gas_used);

DROP TABLE receipts;

-- The pool row keeps what the node reads back (the restore reads hash, raw, arrival order and
-- receive time; eth_getTransactionByHash of a pending transaction reads sender and raw). The
-- other columns were decoded from raw for every acknowledged transaction and read by no query;
-- the (sender, nonce) index enforced a rule the in-memory pool owns (one transaction per slot: a
-- replacement deletes the old row and inserts the new one in one commit) and the restore applies
-- again to the rows it loads (a second row for a slot is re-admitted as a replacement or dropped).
ALTER TABLE pool_transactions
  DROP CONSTRAINT pool_transactions_sender_nonce_key,
  DROP COLUMN nonce,
  DROP COLUMN tx_type,
  DROP COLUMN max_fee_per_gas,
  DROP COLUMN max_priority_fee_per_gas,
  DROP COLUMN gas_limit,
  DROP COLUMN value;
