package io.paraseq.protocol.state;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code eth_getProof}'s {@code storageProof}: a slot, its value and the Merkle proof
 * of the value in the account's storage trie (nodes root first). Immutable.
 *
 * @param key the slot
 * @param value its value, zero when unset
 * @param proof the RLP-encoded trie nodes on the slot's path; unmodifiable
 */
public record StorageProof(Hash key, Word value, List<Bytes> proof) {

  /** Copies the proof. */
  public StorageProof {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    proof = List.copyOf(proof);
  }
}
