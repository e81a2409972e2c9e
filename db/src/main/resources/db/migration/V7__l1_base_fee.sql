-- Paraseq schema, version 7: the L1 data fee (DESIGN.md §3, docs/decisions.md "The L1 data
-- fee"). Each block keeps the L1 base fee its transactions' L1 data fees were computed from
-- (wei, at most 2^63-1: batches carry it per block, docs/batch-format.md); receipts already
-- hold the charged fee in receipts.l1_fee (V1). Blocks sealed before this version charged no
-- L1 data fee: 0.
ALTER TABLE blocks ADD COLUMN l1_base_fee uint63 NOT NULL DEFAULT 0;
