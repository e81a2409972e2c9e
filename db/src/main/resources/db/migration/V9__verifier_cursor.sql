-- Paraseq schema, version 9: the verifier's cursor (batcher/README.md, "Verifier"). A node in
-- the verifier role re-executes the batches posted to the Rollup into its own schema (the chain
-- tables of V1-V3); this one row says how far it got, so a restart resumes where it stopped.
-- (V7 and V8 are reserved for work landing from other branches.)
--
-- rollup: the contract followed (a verifier never resumes on another contract's cursor);
-- next_seq: the next batch expected; last_block / last_state_root: the last block of the last
-- verified batch and the state root after it (0 and the genesis root before the first batch);
-- next_l1_block: the first L1 block whose logs are still to be read.
CREATE TABLE verifier_cursor (
  id               SMALLINT   PRIMARY KEY CHECK (id = 1),
  rollup           address20  NOT NULL,
  next_seq         uint63     NOT NULL,
  last_block       uint63     NOT NULL,
  last_state_root  hash32     NOT NULL,
  next_l1_block    uint63     NOT NULL,
  updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
