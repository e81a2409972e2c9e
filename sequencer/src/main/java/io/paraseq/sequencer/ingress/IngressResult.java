package io.paraseq.sequencer.ingress;

import io.paraseq.protocol.tx.InvalidTransaction;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.pool.PoolRejection;
import java.util.Locale;
import java.util.Objects;

/**
 * What ingress did with one raw transaction. Only {@link Accepted} means durable: the row was
 * committed to the pool table before the result was produced.
 */
public sealed interface IngressResult {

  /**
   * Committed to the pool table and in the pool.
   *
   * @param hash the transaction hash
   */
  record Accepted(Hash hash) implements IngressResult {
    public Accepted {
      Objects.requireNonNull(hash, "hash");
    }
  }

  /** Refused; nothing was stored. */
  sealed interface Rejected extends IngressResult {
    /** The low-cardinality metric tag of the reason. */
    String tag();
  }

  /**
   * Larger than {@code paraseq.ingress.max-transaction-size}.
   *
   * @param size the encoding's length
   * @param limit the limit in bytes
   */
  record Oversized(int size, int limit) implements Rejected {
    @Override
    public String tag() {
      return "oversized_data";
    }
  }

  /**
   * Failed decoding, validation or sender recovery.
   *
   * @param reason the broken rule
   * @param detail geth-style detail ({@code have 1 want 3195}, {@code gas 20000, minimum needed
   *     21000}, …); may be empty
   */
  record Invalid(InvalidTransaction reason, String detail) implements Rejected {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String tag() {
      return reason.name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A gas limit no block can hold.
   *
   * @param gasLimit the transaction's gas limit (unsigned)
   * @param limit the highest accepted
   */
  record ExceedsGasLimit(long gasLimit, long limit) implements Rejected {
    @Override
    public String tag() {
      return "exceeds_block_gas_limit";
    }
  }

  /**
   * Refused by the pool's rules against pending state.
   *
   * @param reason the pool's reason (geth's text)
   * @param detail its numbers; may be empty
   */
  record PoolRefused(PoolRejection reason, String detail) implements Rejected {
    public PoolRefused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String tag() {
      return reason.name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Back-pressure: a bounded ingress queue is full; the client should retry.
   *
   * @param stage which queue ({@code verify} or {@code pool})
   */
  record Busy(String stage) implements Rejected {
    @Override
    public String tag() {
      return "busy";
    }
  }

  /** The node is a verifier: it takes no transactions (send them to the sequencer). */
  record NotSequencer() implements Rejected {
    @Override
    public String tag() {
      return "not_sequencer";
    }
  }
}
