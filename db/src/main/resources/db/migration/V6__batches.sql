-- Paraseq schema, version 6: the batcher's batches (batcher/README.md). A batch row is
-- written, with its exact data, BEFORE its L1 intent is submitted to the transaction
-- manager (V5, intent id "batch-<seq>"), so after a crash the same bytes are submitted
-- again under the same seq; a batch is never rebuilt. The L1 contract (nextSeq, the last
-- state root) is the source of truth for what is posted; these rows are reconciled with it
-- at every start.

-- One batch: a contiguous range of sealed L2 blocks, encoded (format and codec in the
-- first two bytes of data, docs/batch-format.md) and committed to by the header fields
-- that Rollup.appendBatch takes. Status: built (stored, intent queued), sent (signed and
-- handed to L1), included (a receipt in block l1_block), confirmed (at the manager's
-- confirmation depth), reorged (the inclusion block left the canonical chain; re-sent
-- with the same bytes), reverted (the appendBatch call reverted: posting stops).
-- finalized_at: when the contract first reported the batch final (challenge period over).
CREATE TABLE batches (
  seq               uint63    PRIMARY KEY,
  first_block       uint63    NOT NULL UNIQUE CHECK (first_block >= 1),
  last_block        uint63    NOT NULL,
  prev_state_root   hash32    NOT NULL,
  new_state_root    hash32    NOT NULL,
  deposit_cursor    uint63    NOT NULL,
  data_hash         hash32    NOT NULL,
  data              BYTEA     NOT NULL CHECK (octet_length(data) >= 2),
  version           SMALLINT  NOT NULL CHECK (version >= 0),
  codec             SMALLINT  NOT NULL CHECK (codec >= 0),
  tx_count          INTEGER   NOT NULL CHECK (tx_count >= 0),
  intent_id         TEXT      NOT NULL UNIQUE,
  status            TEXT      NOT NULL
                    CHECK (status IN ('built', 'sent', 'included', 'confirmed', 'reorged',
                                      'reverted')),
  -- The L1 transaction that included the batch, and where (while included or confirmed).
  l1_tx_hash        hash32,
  l1_block          uint63,
  l1_block_hash     hash32,
  built_at          TIMESTAMPTZ NOT NULL,
  updated_at        TIMESTAMPTZ NOT NULL,
  finalized_at      TIMESTAMPTZ,
  CHECK (last_block >= first_block),
  CHECK ((status IN ('included', 'confirmed', 'reverted')) = (l1_block IS NOT NULL)),
  CHECK ((l1_block IS NULL) = (l1_tx_hash IS NULL)
     AND (l1_block IS NULL) = (l1_block_hash IS NULL)),
  CHECK (finalized_at IS NULL OR status = 'confirmed')
);
-- The batcher's loop reads the batches that are not confirmed yet on every iteration.
CREATE INDEX batches_open ON batches (seq) WHERE status <> 'confirmed';

-- The status history of each batch: one row per transition, never updated.
CREATE TABLE batch_events (
  id          BIGSERIAL  PRIMARY KEY,
  seq         uint63     NOT NULL REFERENCES batches (seq),
  status      TEXT       NOT NULL
              CHECK (status IN ('built', 'sent', 'included', 'confirmed', 'reorged',
                                'reverted', 'finalized')),
  l1_tx_hash  hash32,
  l1_block    uint63,
  detail      TEXT,
  at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX batch_events_seq ON batch_events (seq, id);
