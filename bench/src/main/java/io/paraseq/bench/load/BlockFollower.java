package io.paraseq.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.paraseq.protocol.types.Hash;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows new blocks with standard methods only ({@code eth_blockNumber}, then {@code
 * eth_getBlockByNumber(n, false)} in batches of up to {@value #BLOCKS_PER_REQUEST}), so the same
 * code times inclusion on anvil and on Paraseq. A block counts as seen when {@code eth_blockNumber}
 * first reports it; every workload transaction in it gets that time.
 *
 * <p>Threads: one thread of its own ({@link #start}) owns the cursor, the block counts and the
 * inclusion times in {@link TxTimes}; {@link #included()} may be read from any thread; {@link
 * #stop} joins the thread and hands the results over.
 */
final class BlockFollower {

  static final int BLOCKS_PER_REQUEST = 100;

  private final RpcClient rpc;
  private final Workload workload;
  private final TxTimes times;
  private final Duration poll;
  private final AtomicInteger included = new AtomicInteger();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private volatile boolean running;
  private long next;
  private BlockStats stats = BlockStats.NONE;
  private Thread thread;

  /**
   * A follower of the blocks after {@code afterBlock}.
   *
   * @param poll the pause between two {@code eth_blockNumber} calls
   */
  BlockFollower(RpcClient rpc, Workload workload, TxTimes times, long afterBlock, Duration poll) {
    this.rpc = rpc;
    this.workload = workload;
    this.times = times;
    this.poll = poll;
    this.next = afterBlock + 1;
  }

  /** Starts following on its own thread. */
  void start() {
    running = true;
    thread = Thread.ofPlatform().name("load-block-follower").start(this::runGuarded);
  }

  /** Workload transactions seen in blocks so far. */
  int included() {
    return included.get();
  }

  /** Whether the follower failed (see {@link #stop}). */
  boolean failed() {
    return failure.get() != null;
  }

  /**
   * Stops following and returns what was seen.
   *
   * @throws RpcException if following failed
   */
  BlockStats stop() {
    running = false;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException("interrupted while stopping the block follower", e);
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return stats;
  }

  private void runGuarded() {
    try {
      while (running) {
        catchUp();
        Thread.sleep(poll);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure.set(e);
    }
  }

  /** Reads the head and every block up to it. */
  private void catchUp() {
    long head = RpcClient.quantity(rpc.result("eth_blockNumber", "[]"));
    long seen = System.nanoTime();
    while (next <= head) {
      long last = Math.min(head, next + BLOCKS_PER_REQUEST - 1);
      StringBuilder body = new StringBuilder().append('[');
      for (long n = next; n <= last; n++) {
        if (n > next) {
          body.append(',');
        }
        body.append("{\"jsonrpc\":\"2.0\",\"id\":")
            .append(n)
            .append(",\"method\":\"eth_getBlockByNumber\",\"params\":[\"")
            .append(RpcClient.quantity(n))
            .append("\",false]}");
      }
      JsonNode[] blocks = new JsonNode[(int) (last - next + 1)];
      List<RpcReply> replies = rpc.batch(body.append(']').toString());
      for (RpcReply reply : replies) {
        switch (reply) {
          case RpcReply.Ok ok when reply.id() >= next && reply.id() <= last ->
              blocks[(int) (reply.id() - next)] = ok.result();
          case RpcReply.Ok ok ->
              throw new RpcException("eth_getBlockByNumber reply with id " + ok.id());
          case RpcReply.Err err ->
              throw new RpcException(
                  "eth_getBlockByNumber "
                      + err.id()
                      + " failed: "
                      + err.code()
                      + " "
                      + err.message());
        }
      }
      for (JsonNode block : blocks) {
        if (block == null || block.isNull()) {
          return; // announced but not served yet: read it again at the next poll
        }
        record(block, seen);
        next++;
      }
    }
  }

  private void record(JsonNode block, long seen) {
    long number = RpcClient.quantity(block.path("number"));
    if (number != next) {
      throw new RpcException("asked for block " + next + ", got block " + number);
    }
    JsonNode hashes = block.path("transactions");
    if (!hashes.isArray()) {
      throw new RpcException("block " + next + " has no transaction list: " + block);
    }
    int ofWorkload = 0;
    for (JsonNode hash : hashes) {
      OptionalInt index = workload.indexOf(Hash.fromHex(hash.asText()));
      if (index.isPresent() && times.included(index.getAsInt(), seen)) {
        ofWorkload++;
      }
    }
    stats = stats.plus(number, ofWorkload);
    included.addAndGet(ofWorkload);
  }
}
