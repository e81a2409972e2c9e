-- Paraseq schema, version 5: the batcher's L1 transaction manager (batcher/README.md).
-- Every L1 transaction the node wants sent is an intent row; every transaction it ever
-- signed for that intent (the first one and each fee bump) is an attempt row with its
-- exact raw bytes, written BEFORE the bytes leave the process. After a restart the manager
-- therefore knows every hash that could be on L1 and resumes watching or bumping them; it
-- never signs a second payload for a nonce.

-- One L1 transaction the node wants included, by the caller's idempotency key (for a
-- batch: "batch-<seq>"). Status: queued (no nonce yet), sent (signed and handed to L1),
-- included (a receipt in block included_block), confirmed (at the confirmation depth;
-- final), reorged (the inclusion block left the canonical chain; watched and re-sent).
CREATE TABLE l1_transactions (
  id                   BIGSERIAL  PRIMARY KEY,
  intent_id            TEXT       NOT NULL UNIQUE CHECK (length(intent_id) BETWEEN 1 AND 200),
  sender               address20  NOT NULL,
  recipient            address20  NOT NULL,
  calldata             BYTEA      NOT NULL,
  gas_limit            uint63     NOT NULL CHECK (gas_limit > 0),
  status               TEXT       NOT NULL
                       CHECK (status IN ('queued', 'sent', 'included', 'confirmed', 'reorged')),
  nonce                uint63,
  -- The attempt that was included, and where (set while included or confirmed).
  included_tx_hash     hash32,
  included_block       uint63,
  included_block_hash  hash32,
  receipt_success      BOOLEAN,
  gas_used             uint63,
  effective_gas_price  uint256,
  created_at           TIMESTAMPTZ NOT NULL,
  updated_at           TIMESTAMPTZ NOT NULL,
  CHECK ((status = 'queued') = (nonce IS NULL)),
  CHECK ((status IN ('included', 'confirmed')) = (included_block IS NOT NULL)),
  CHECK ((included_block IS NULL) = (included_tx_hash IS NULL)
     AND (included_block IS NULL) = (included_block_hash IS NULL)
     AND (included_block IS NULL) = (receipt_success IS NULL)
     AND (included_block IS NULL) = (gas_used IS NULL)
     AND (included_block IS NULL) = (effective_gas_price IS NULL))
);
-- One payload per sender and nonce: the rule that makes double-signing impossible.
CREATE UNIQUE INDEX l1_transactions_sender_nonce ON l1_transactions (sender, nonce);
-- The manager's loop reads the open rows of its sender on every poll.
CREATE INDEX l1_transactions_open ON l1_transactions (sender, id) WHERE status <> 'confirmed';

-- Every signed transaction of an intent, in signing order. A row exists before its bytes
-- are sent; sent_at records that the node accepted (or already knew) them, rejection why
-- it refused them.
CREATE TABLE l1_tx_attempts (
  tx_hash                   hash32   PRIMARY KEY,
  l1_tx_id                  BIGINT   NOT NULL REFERENCES l1_transactions (id),
  attempt                   INTEGER  NOT NULL CHECK (attempt >= 0),
  nonce                     uint63   NOT NULL,
  max_fee_per_gas           uint256  NOT NULL,
  max_priority_fee_per_gas  uint256  NOT NULL CHECK (max_priority_fee_per_gas <= max_fee_per_gas),
  raw                       BYTEA    NOT NULL,
  signed_at                 TIMESTAMPTZ NOT NULL,
  sent_at                   TIMESTAMPTZ,
  rejection                 TEXT,
  UNIQUE (l1_tx_id, attempt)
);

-- The status history of each intent: one row per transition, never updated.
CREATE TABLE l1_tx_events (
  id            BIGSERIAL  PRIMARY KEY,
  l1_tx_id      BIGINT     NOT NULL REFERENCES l1_transactions (id),
  status        TEXT       NOT NULL
                CHECK (status IN ('queued', 'sent', 'included', 'confirmed', 'reorged')),
  tx_hash       hash32,
  block_number  uint63,
  block_hash    hash32,
  detail        TEXT,
  at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX l1_tx_events_tx ON l1_tx_events (l1_tx_id, id);
