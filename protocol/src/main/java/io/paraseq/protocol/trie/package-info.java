/**
 * Ethereum's hexary Merkle-Patricia trie: {@link io.paraseq.protocol.trie.MerkleTrie} (plain keys)
 * and {@link io.paraseq.protocol.trie.SecureMerkleTrie} (keys hashed with keccak256, as in the
 * state and storage tries), with incremental and optionally parallel hashing, lazy loading through
 * a {@link io.paraseq.protocol.trie.TrieNodeStore}, and {@code eth_getProof}-style Merkle proofs
 * checked by {@link io.paraseq.protocol.trie.ProofVerifier}.
 *
 * <p>Everything follows the Yellow Paper, appendix D: leaf, extension and branch nodes, hex-prefix
 * encoded paths, nodes whose RLP is shorter than 32 bytes embedded in their parent, the others
 * referenced by keccak256 of their RLP.
 */
package io.paraseq.protocol.trie;
