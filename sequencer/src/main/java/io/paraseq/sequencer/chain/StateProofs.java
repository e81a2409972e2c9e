package io.paraseq.sequencer.chain;

import io.paraseq.protocol.state.AccountProof;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code eth_getProof}'s access to the world state's tries, which only their owner thread may walk:
 * each proof is a state task of the {@link BlockProducer} (see there), built between blocks, and
 * comes back with the state root it was built against so that the caller can check it is the root
 * of the head it answers for. Called from any thread; the caller waits at most its timeout.
 */
public final class StateProofs {

  /** What a proof request gave. Handle it with an exhaustive {@code switch}. */
  public sealed interface Outcome {

    /**
     * The proof.
     *
     * @param stateRoot the root of the state the proof was built against
     * @param proof the account and storage proofs
     */
    record Proven(Hash stateRoot, AccountProof proof) implements Outcome {
      public Proven {
        Objects.requireNonNull(stateRoot, "stateRoot");
        Objects.requireNonNull(proof, "proof");
      }
    }

    /**
     * Too many proofs are waiting, or none came within the timeout; trying later may work.
     *
     * @param reason which
     */
    record Busy(String reason) implements Outcome {}

    /**
     * The state's owner has ended (shutdown, or block production stopped for good).
     *
     * @param reason which
     */
    record Unavailable(String reason) implements Outcome {}
  }

  private final BlockProducer owner;

  StateProofs(BlockProducer owner) {
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  /**
   * The proof of {@code address} and its {@code slots} in the state of the last published head (or
   * a newer one, if a block was published meanwhile: compare {@link Outcome.Proven#stateRoot()}).
   *
   * @param timeout how long to wait for the owner thread
   */
  public Outcome prove(Address address, List<Hash> slots, Duration timeout) {
    List<Hash> keys = List.copyOf(slots);
    CompletableFuture<Outcome.Proven> proof =
        owner.onStateOwner(
            state -> new Outcome.Proven(state.stateRoot(), state.proof(address, keys)));
    try {
      return proof.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      proof.cancel(false);
      return new Outcome.Busy("no proof within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      return switch (e.getCause()) {
        case RejectedExecutionException full -> new Outcome.Busy(full.getMessage());
        case StateOwnerStoppedException stopped -> new Outcome.Unavailable(stopped.getMessage());
        default -> throw new IllegalStateException("proof failed", e.getCause());
      };
    } catch (InterruptedException e) {
      proof.cancel(false);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a proof", e);
    }
  }
}
