-- Paraseq schema, version 1: the chain (blocks, transactions, receipts, logs) and the
-- durable transaction pool. Applied migrations are never edited: later changes are new
-- V<n>__*.sql files.
--
-- Conventions
--   * Hashes, addresses, raw encodings: BYTEA with a length check (32 / 20 / 256 bytes).
--   * Wei amounts and 256-bit quantities: NUMERIC(78, 0), range-checked to [0, 2^256).
--   * Block numbers, gas, nonces of included transactions: BIGINT >= 0.
--   * Every row that the node derives from an encoding also keeps the exact encoding
--     (header_rlp, raw, encoded) so that hashes and roots can always be recomputed.

CREATE DOMAIN hash32 AS BYTEA CHECK (octet_length(VALUE) = 32);
CREATE DOMAIN address20 AS BYTEA CHECK (octet_length(VALUE) = 20);
CREATE DOMAIN bloom256 AS BYTEA CHECK (octet_length(VALUE) = 256);
CREATE DOMAIN uint256 AS NUMERIC(78, 0)
  CHECK (VALUE >= 0 AND VALUE < 115792089237316195423570985008687907853269984665640564039457584007913129639936);
CREATE DOMAIN uint63 AS BIGINT CHECK (VALUE >= 0);

-- Facts fixed at genesis. One row; a node started against a database of another chain
-- refuses to start instead of mixing two chains.
CREATE TABLE chain_info (
  singleton     BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
  chain_id      uint63  NOT NULL CHECK (chain_id > 0),
  genesis_hash  hash32  NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Sealed L2 blocks. Block 0 is genesis.
CREATE TABLE blocks (
  number             uint63   PRIMARY KEY,
  hash               hash32   NOT NULL UNIQUE,
  parent_hash        hash32   NOT NULL,
  timestamp          uint63   NOT NULL,
  state_root         hash32   NOT NULL,
  transactions_root  hash32   NOT NULL,
  receipts_root      hash32   NOT NULL,
  logs_bloom         bloom256 NOT NULL,
  gas_limit          uint63   NOT NULL,
  gas_used           uint63   NOT NULL CHECK (gas_used <= gas_limit),
  base_fee_per_gas   uint256  NOT NULL,
  fee_recipient      address20 NOT NULL,
  tx_count           INTEGER  NOT NULL CHECK (tx_count >= 0),
  -- The exact RLP of the header: keccak256(header_rlp) = hash.
  header_rlp         BYTEA    NOT NULL,
  sealed_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Transactions included in blocks, in block order.
CREATE TABLE transactions (
  hash              hash32    PRIMARY KEY,
  block_number      uint63    NOT NULL REFERENCES blocks (number),
  tx_index          INTEGER   NOT NULL CHECK (tx_index >= 0),
  -- 0 legacy, 1 EIP-2930, 2 EIP-1559, 126 (0x7e) deposit.
  tx_type           SMALLINT  NOT NULL CHECK (tx_type IN (0, 1, 2, 126)),
  sender            address20 NOT NULL,
  nonce             uint63    NOT NULL,
  -- NULL for contract creation.
  recipient         address20,
  value             uint256   NOT NULL,
  gas_limit         uint63    NOT NULL,
  -- Canonical encoding as it appears in the block body (typed envelope for types 1, 2, 0x7e).
  raw               BYTEA     NOT NULL,
  UNIQUE (block_number, tx_index)
);
CREATE INDEX transactions_sender_nonce ON transactions (sender, nonce);

-- One receipt per included transaction.
CREATE TABLE receipts (
  tx_hash              hash32   PRIMARY KEY REFERENCES transactions (hash),
  block_number         uint63   NOT NULL REFERENCES blocks (number),
  tx_index             INTEGER  NOT NULL CHECK (tx_index >= 0),
  status               SMALLINT NOT NULL CHECK (status IN (0, 1)),
  gas_used             uint63   NOT NULL,
  cumulative_gas_used  uint63   NOT NULL CHECK (cumulative_gas_used >= gas_used),
  effective_gas_price  uint256  NOT NULL,
  -- The L1 data fee charged for this transaction (DESIGN.md §3, shown as l1Fee).
  l1_fee               uint256  NOT NULL DEFAULT 0,
  contract_address     address20,
  logs_bloom           bloom256 NOT NULL,
  -- Consensus encoding (typed envelope) used for the receipts root.
  encoded              BYTEA    NOT NULL,
  UNIQUE (block_number, tx_index)
);

-- Logs, flattened for eth_getLogs: filter by block range, address and the first topics.
CREATE TABLE logs (
  block_number  uint63    NOT NULL REFERENCES blocks (number),
  log_index     INTEGER   NOT NULL CHECK (log_index >= 0),
  tx_hash       hash32    NOT NULL REFERENCES receipts (tx_hash),
  tx_index      INTEGER   NOT NULL CHECK (tx_index >= 0),
  address       address20 NOT NULL,
  topic0        hash32,
  topic1        hash32,
  topic2        hash32,
  topic3        hash32,
  data          BYTEA     NOT NULL,
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX logs_address_block ON logs (address, block_number);
CREATE INDEX logs_topic0_block ON logs (topic0, block_number);

-- The durable mempool. A row exists for every acknowledged, not yet included transaction;
-- it is committed before the hash is returned to the client. One transaction per
-- (sender, nonce) slot: a replacement overwrites the slot.
CREATE SEQUENCE pool_arrival_seq AS BIGINT;

CREATE TABLE pool_transactions (
  hash                      hash32    PRIMARY KEY,
  sender                    address20 NOT NULL,
  -- Nonces may reach 2^64 - 1 on the wire; queued transactions can sit far ahead.
  nonce                     NUMERIC(20, 0) NOT NULL CHECK (nonce >= 0 AND nonce < 18446744073709551616),
  tx_type                   SMALLINT  NOT NULL CHECK (tx_type IN (0, 1, 2)),
  -- For legacy and EIP-2930 transactions both equal the gas price.
  max_fee_per_gas           uint256   NOT NULL,
  max_priority_fee_per_gas  uint256   NOT NULL CHECK (max_priority_fee_per_gas <= max_fee_per_gas),
  gas_limit                 uint63    NOT NULL,
  value                     uint256   NOT NULL,
  raw                       BYTEA     NOT NULL,
  -- Arrival order, for the fifo ordering policy and for eviction of the oldest.
  arrival_seq               BIGINT    NOT NULL DEFAULT nextval('pool_arrival_seq'),
  received_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (sender, nonce)
);
CREATE INDEX pool_transactions_arrival ON pool_transactions (arrival_seq);
CREATE INDEX pool_transactions_received ON pool_transactions (received_at);
