package io.paraseq.protocol.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Proofs verify for present and absent keys and are rejected when any byte is changed. */
class MerkleProofPropertiesTest {

  @Provide
  Arbitrary<Map<Bytes, Bytes>> entries() {
    return TrieArbitraries.entries();
  }

  @Provide
  Arbitrary<Bytes> keys() {
    return TrieArbitraries.keys();
  }

  @Property
  void proofsOfPresentKeysGiveTheirValues(@ForAll("entries") Map<Bytes, Bytes> entries) {
    MerkleTrie trie = MerkleTrie.build(entries);
    Hash root = trie.rootHash();
    entries.forEach(
        (key, value) ->
            assertThat(ProofVerifier.verify(root, key, trie.proof(key)))
                .isEqualTo(new ProofResult.Found(value)));
  }

  @Property
  void proofsOfAbsentKeysProveAbsence(
      @ForAll("entries") Map<Bytes, Bytes> entries, @ForAll("keys") Bytes key) {
    Assume.that(!entries.containsKey(key));
    MerkleTrie trie = MerkleTrie.build(entries);
    assertThat(ProofVerifier.verify(trie.rootHash(), key, trie.proof(key)))
        .isEqualTo(new ProofResult.Absent());
  }

  @Property(tries = 300)
  void secureProofsVerify(@ForAll("entries") Map<Bytes, Bytes> entries, @ForAll("keys") Bytes key) {
    SecureMerkleTrie trie = SecureMerkleTrie.build(entries);
    Hash root = trie.rootHash();
    ProofResult expected =
        entries.containsKey(key)
            ? new ProofResult.Found(entries.get(key))
            : new ProofResult.Absent();
    assertThat(ProofVerifier.verifySecure(root, key, trie.proof(key))).isEqualTo(expected);
  }

  @Property
  void changingAnyByteOfAnyProofNodeInvalidatesTheProof(
      @ForAll("entries") Map<Bytes, Bytes> entries,
      @ForAll("keys") Bytes key,
      @ForAll @IntRange(min = 0, max = 10_000) int nodeChoice,
      @ForAll @IntRange(min = 0, max = 10_000) int byteChoice,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    MerkleTrie trie = MerkleTrie.build(entries);
    List<Bytes> proof = trie.proof(key);
    Assume.that(!proof.isEmpty());
    int nodeIndex = nodeChoice % proof.size();
    byte[] node = proof.get(nodeIndex).toArray();
    node[byteChoice % node.length] ^= (byte) mask;
    List<Bytes> tampered = new ArrayList<>(proof);
    tampered.set(nodeIndex, Bytes.of(node));

    ProofResult result = ProofVerifier.verify(trie.rootHash(), key, tampered);

    assertThat(result).isEqualTo(new ProofResult.Invalid(ProofError.HASH_MISMATCH, nodeIndex));
  }

  @Property
  void truncatedOrPaddedProofsAreRejected(
      @ForAll("entries") Map<Bytes, Bytes> entries, @ForAll("keys") Bytes key) {
    MerkleTrie trie = MerkleTrie.build(entries);
    Hash root = trie.rootHash();
    List<Bytes> proof = trie.proof(key);
    Assume.that(!proof.isEmpty());
    List<Bytes> truncated = proof.subList(0, proof.size() - 1);
    assertThat(ProofVerifier.verify(root, key, truncated))
        .isEqualTo(new ProofResult.Invalid(ProofError.MISSING_NODE, truncated.size()));
    List<Bytes> padded = new ArrayList<>(proof);
    padded.add(proof.get(0));
    assertThat(ProofVerifier.verify(root, key, padded))
        .isEqualTo(new ProofResult.Invalid(ProofError.UNUSED_NODES, proof.size()));
  }

  @Property
  void arbitraryBytesNeverThrow(
      @ForAll("keys") Bytes key,
      @ForAll("keys") Bytes node,
      @ForAll("entries") Map<Bytes, Bytes> e) {
    // A node that hashes to the root but is arbitrary bytes: valid, malformed or a real node.
    Bytes candidate = e.isEmpty() ? node : MerkleTrie.build(e).proof(key).getFirst();
    ProofResult result = ProofVerifier.verify(Hash.keccak(candidate), key, List.of(candidate));
    assertThat(result).isNotNull();
  }
}
