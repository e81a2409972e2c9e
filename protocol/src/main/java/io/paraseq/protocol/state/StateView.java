package io.paraseq.protocol.state;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;

/**
 * Read-only access to one consistent version of the world state, what the executors read. Absent
 * accounts read as {@link Account#EMPTY} and absent slots as {@link Word#ZERO}.
 *
 * <p>Implementations say which threads may call them; {@link StateSnapshot} is safe from any
 * thread.
 */
public interface StateView {

  /** The account at {@code address}, {@link Account#EMPTY} when there is none. */
  Account account(Address address);

  /** The value of {@code address}'s storage slot {@code slot}, {@link Word#ZERO} when unset. */
  Word storage(Address address, Hash slot);
}
