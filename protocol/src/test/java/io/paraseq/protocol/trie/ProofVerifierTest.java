package io.paraseq.protocol.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProofVerifierTest {

  private static Bytes utf8(String text) {
    return Bytes.of(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theEmptyTrieProvesAbsenceWithAnEmptyProof() {
    MerkleTrie trie = MerkleTrie.empty();
    assertThat(trie.proof(utf8("dog"))).isEmpty();
    assertThat(ProofVerifier.verify(MerkleTrie.EMPTY_ROOT, utf8("dog"), List.of()))
        .isEqualTo(new ProofResult.Absent());
    assertThat(
            ProofVerifier.verify(
                MerkleTrie.EMPTY_ROOT, utf8("dog"), List.of(Bytes.of((byte) 0x80))))
        .isEqualTo(new ProofResult.Absent());
  }

  @Test
  void anEmptyProofOfANonEmptyRootMissesTheRoot() {
    Hash root = MerkleTrie.build(Map.of(utf8("a"), utf8("b"))).rootHash();
    assertThat(ProofVerifier.verify(root, utf8("a"), List.of()))
        .isEqualTo(new ProofResult.Invalid(ProofError.MISSING_NODE, 0));
  }

  @Test
  void aProofAgainstAnotherRootIsAHashMismatch() {
    MerkleTrie trie = MerkleTrie.build(Map.of(utf8("a"), utf8("b")));
    assertThat(ProofVerifier.verify(MerkleTrie.EMPTY_ROOT, utf8("a"), trie.proof(utf8("a"))))
        .isEqualTo(new ProofResult.Invalid(ProofError.HASH_MISMATCH, 0));
  }

  @Test
  void nodesThatHashRightButAreNotTrieNodesAreMalformed() {
    for (String hex :
        List.of(
            "0x01", // a non-empty string
            "0xc0", // an empty list
            "0xc3808080", // three items
            "0xc3824180", // one item
            "0xc28080", // a leaf or extension with an empty path
            "0xc3824180ff", // trailing bytes after the node
            "0xc24001", // hex-prefix flag nibble 4
            "0xc21180", // an extension without a child
            "0xc20180", // an even path with a non-zero padding nibble
            "0xc22080", // a leaf with an empty value
            "0xc40082abcd")) { // an extension with a 2-byte child reference
      Bytes node = Bytes.fromHex(hex);
      ProofResult result =
          ProofVerifier.verify(Hash.keccak(node), Bytes.of((byte) 1), List.of(node));
      assertThat(result).as(hex).isInstanceOf(ProofResult.Invalid.class);
    }
  }

  @Test
  void aMalformedNodeIsReportedAsSuch() {
    Bytes node = Bytes.fromHex("0xc3808080");
    assertThat(ProofVerifier.verify(Hash.keccak(node), Bytes.EMPTY, List.of(node)))
        .isEqualTo(new ProofResult.Invalid(ProofError.MALFORMED_NODE, 0));
  }

  @Test
  void aSmallRootIsProvenByItsOwnEncoding() {
    MerkleTrie trie = MerkleTrie.build(Map.of(utf8("a"), utf8("b")));
    List<Bytes> proof = trie.proof(utf8("a"));
    assertThat(proof).hasSize(1);
    assertThat(proof.getFirst().length()).isLessThan(32);
    assertThat(ProofVerifier.verify(trie.rootHash(), utf8("a"), proof))
        .isEqualTo(new ProofResult.Found(utf8("b")));
    assertThat(ProofVerifier.verify(trie.rootHash(), utf8("c"), proof))
        .isEqualTo(new ProofResult.Absent());
  }
}
