package io.paraseq.protocol.trie;

/**
 * A trie node encoding that is not a well-formed leaf, extension or branch. Internal: the proof
 * verifier turns it into {@link ProofError#MALFORMED_NODE}; a node store that returns one is
 * corrupt and the trie reports it as {@link IllegalStateException}.
 */
final class MalformedNodeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MalformedNodeException(String message) {
    super(message, null, false, false);
  }
}
