-- Paraseq schema, version 2: the flat world state after the head block. The node rebuilds its
-- in-memory state (and its tries) from these rows at start and checks the root against the head
-- header's state root. Written in the same database transaction as the block that changed them.

-- One row per existing account (EIP-161: empty accounts are deleted, not stored).
CREATE TABLE accounts (
  address       address20 PRIMARY KEY,
  -- Unsigned 64-bit on the wire; a nonce can never pass 2^63 - 1 in practice.
  nonce         uint63    NOT NULL,
  balance       uint256   NOT NULL,
  -- Root of the account's storage trie (the empty trie root when it has no storage).
  storage_root  hash32    NOT NULL,
  code_hash     hash32    NOT NULL
);

-- Non-zero storage slots; a slot written to zero is deleted.
CREATE TABLE storage (
  address  address20 NOT NULL,
  slot     hash32    NOT NULL,
  value    hash32    NOT NULL,
  PRIMARY KEY (address, slot)
);
