-- Paraseq schema, version 10: the address registry of batch format v2 (docs/batch-format.md,
-- "Address registry"). Every address that appeared in the address table or as an inline address
-- of a posted batch, in order of first appearance: entry idx is the idx-th address ever added.
-- A v2 batch refers to these entries instead of writing 20 bytes.
--
-- The batcher appends a batch's new addresses in the same transaction as the batch's row; a
-- verifier (in its own schema) in the same transaction as its cursor, only for an accepted batch.
-- Rows are never updated or deleted: idx is 0, 1, 2, ... without gaps.
CREATE TABLE address_registry (
  idx      uint63     PRIMARY KEY,
  address  address20  NOT NULL UNIQUE
);
