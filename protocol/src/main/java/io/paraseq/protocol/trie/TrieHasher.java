package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Hashes a trie from its root, in parallel when asked: the dirty children of the top branch (below
 * the root, or below a root extension) are independent subtrees, each hashed by one task with its
 * own {@link NodeHasher}; the owner thread then hashes the few nodes above them. Each task writes
 * only the nodes of its own subtree, and {@link Future#get()} publishes them to the owner, so the
 * result is exactly the sequential one.
 *
 * <p>Owned by one trie and called by its owner thread only.
 */
final class TrieHasher {

  private final NodeHasher hasher = new NodeHasher();

  /**
   * The reference of {@code root}; with {@code sink} present, also collects the nodes not yet
   * persisted (see {@link NodeHasher#ref}).
   */
  Bytes hash(Node root, Optional<ExecutorService> executor, Optional<Map<Hash, Bytes>> sink) {
    if (executor.isPresent()) {
      hashTopSubtreesInParallel(root, executor.get(), sink);
    }
    return hasher.ref(root, sink);
  }

  /** Encoding of {@code node}, whose subtree has been hashed. */
  Bytes encoding(Node node) {
    return hasher.encoding(node);
  }

  private static void hashTopSubtreesInParallel(
      Node root, ExecutorService executor, Optional<Map<Hash, Bytes>> sink) {
    Node top = root instanceof ExtensionNode extension ? extension.child : root;
    if (!(top instanceof BranchNode branch) || !top.needsVisit(sink.isPresent())) {
      return;
    }
    List<Callable<Map<Hash, Bytes>>> tasks = new ArrayList<>(BranchNode.WIDTH);
    for (Node child : branch.children) {
      if (child.needsVisit(sink.isPresent())) {
        tasks.add(() -> hashSubtree(child, sink.isPresent()));
      }
    }
    if (tasks.size() < 2) {
      return;
    }
    List<Future<Map<Hash, Bytes>>> results;
    try {
      results = executor.invokeAll(tasks);
      for (Future<Map<Hash, Bytes>> result : results) {
        Map<Hash, Bytes> nodes = result.get();
        sink.ifPresent(s -> s.putAll(nodes));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing the trie", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("parallel trie hashing failed", e.getCause());
    }
  }

  private static Map<Hash, Bytes> hashSubtree(Node subtree, boolean collecting) {
    Map<Hash, Bytes> nodes = new HashMap<>();
    new NodeHasher().ref(subtree, collecting ? Optional.of(nodes) : Optional.empty());
    return nodes;
  }
}
