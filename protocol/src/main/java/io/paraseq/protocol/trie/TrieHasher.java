package io.paraseq.protocol.trie;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hashes a trie from its root, in parallel when asked: the dirty children of the top branch (below
 * the root, or below a root extension) are independent subtrees. The owner thread and up to one
 * helper per remaining subtree on the executor take subtrees from a shared counter, each with its
 * own {@link NodeHasher}; then the owner hashes the few nodes above them. The owner works too, so a
 * pool of one thread (the common pool on two cores) still gives two hashing threads, and a busy
 * pool cannot stall the trie: helpers that have not started when the work runs out are cancelled.
 *
 * <p>Each subtree is written by exactly one thread, and {@link Future#get()} publishes the helpers'
 * writes to the owner, so the result is exactly the sequential one. Owned by one trie and called by
 * its owner thread only.
 */
final class TrieHasher {

  private final NodeHasher hasher = new NodeHasher();

  /**
   * The reference of {@code root}; with {@code sink} present, also collects the nodes not yet
   * persisted (see {@link NodeHasher#ref}).
   */
  Bytes hash(Node root, Optional<ExecutorService> executor, Optional<Map<Hash, Bytes>> sink) {
    if (executor.isPresent()) {
      List<Node> subtrees = dirtyTopSubtrees(root, sink.isPresent());
      if (subtrees.size() >= 2) {
        hashInParallel(subtrees, executor.get(), sink);
      }
    }
    return hasher.ref(root, sink);
  }

  /** Encoding of {@code node}, whose subtree has been hashed. */
  Bytes encoding(Node node) {
    return hasher.encoding(node);
  }

  private static List<Node> dirtyTopSubtrees(Node root, boolean collecting) {
    Node top = root instanceof ExtensionNode extension ? extension.child : root;
    List<Node> subtrees = new ArrayList<>(BranchNode.WIDTH);
    if (top instanceof BranchNode branch && top.needsVisit(collecting)) {
      for (Node child : branch.children) {
        if (child.needsVisit(collecting)) {
          subtrees.add(child);
        }
      }
    }
    return subtrees;
  }

  private void hashInParallel(
      List<Node> subtrees, ExecutorService executor, Optional<Map<Hash, Bytes>> sink) {
    ParallelRun run = new ParallelRun(subtrees, sink.isPresent());
    List<Future<?>> helpers = new ArrayList<>(subtrees.size() - 1);
    for (int i = 1; i < subtrees.size(); i++) {
      helpers.add(executor.submit(() -> run.drain(new NodeHasher())));
    }
    run.drain(hasher);
    run.awaitAll();
    // Helpers still queued would find no work; spare the pool from running them.
    helpers.forEach(helper -> helper.cancel(false));
    sink.ifPresent(s -> run.collected.forEach(s::putAll));
  }

  /**
   * One parallel hashing pass: threads take subtrees from {@link #next}; {@link #done} counts
   * hashed subtrees, so the owner waits exactly for the subtrees taken, whoever took them, and a
   * helper that never starts costs nothing. Counting down publishes the subtree's nodes.
   */
  private static final class ParallelRun {
    private final List<Node> subtrees;
    private final boolean collecting;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch done;
    private final Queue<Map<Hash, Bytes>> collected = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    ParallelRun(List<Node> subtrees, boolean collecting) {
      this.subtrees = subtrees;
      this.collecting = collecting;
      this.done = new CountDownLatch(subtrees.size());
    }

    /** Hashes subtrees until none is left. */
    void drain(NodeHasher hasher) {
      for (int i = next.getAndIncrement(); i < subtrees.size(); i = next.getAndIncrement()) {
        try {
          Map<Hash, Bytes> nodes = new HashMap<>();
          hasher.ref(subtrees.get(i), collecting ? Optional.of(nodes) : Optional.empty());
          if (collecting) {
            collected.add(nodes);
          }
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      }
    }

    void awaitAll() {
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while hashing the trie", e);
      }
      Throwable failed = failure.get();
      if (failed instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failed instanceof Error error) {
        throw error;
      }
    }
  }
}
