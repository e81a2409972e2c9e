-- Paraseq schema, version 3: cheaper block and pool writes. The block producer writes about
-- 1,000 rows per table per block; every index, foreign key and column below was written for
-- each of them but is needed by no query (the reads are in the sequencer's store.ChainQueries,
-- PoolStore and ChainStore; docs/decisions.md, "Database", lists what each remaining index
-- serves).

-- Pool expiry works on the in-memory pool (it knows each transaction's arrival time), and the
-- restore at start sorts the whole table (at most a few thousand rows) by arrival_seq once.
DROP INDEX pool_transactions_received;
DROP INDEX pool_transactions_arrival;

-- No query looks transactions up by sender (the pool answers pending nonces, the state the
-- included ones).
DROP INDEX transactions_sender_nonce;

-- A block and all its rows are written by one writer in one database transaction from one
-- sealed block, and never deleted: the references were re-checked per row (one lookup per
-- reference and row) for what the writer builds by construction.
ALTER TABLE transactions DROP CONSTRAINT transactions_block_number_fkey;
ALTER TABLE receipts DROP CONSTRAINT receipts_tx_hash_fkey;
ALTER TABLE receipts DROP CONSTRAINT receipts_block_number_fkey;
ALTER TABLE logs DROP CONSTRAINT logs_block_number_fkey;
ALTER TABLE logs DROP CONSTRAINT logs_tx_hash_fkey;

-- Receipts are read by transaction hash; a block's receipts through its transactions'
-- (block_number, tx_index) key, which also keeps the positions unique.
ALTER TABLE receipts DROP CONSTRAINT receipts_block_number_tx_index_key;

-- Both are derived exactly from what the row and the logs table keep: the bloom from the
-- logs, the consensus encoding from the transaction's type, status, cumulative gas used,
-- bloom and logs (so the receipts root can still be recomputed from the database alone).
-- Together 500+ bytes of every receipt row.
ALTER TABLE receipts DROP COLUMN logs_bloom;
ALTER TABLE receipts DROP COLUMN encoded;
