package io.paraseq.protocol.program;

import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;

/**
 * Where a program reads the storage slots it does not itself write: the state as the transaction
 * sees it. The executor passes its {@code StateAccess::storage} (so Block-STM records each read);
 * programs never write through it, their writes come back in {@link ProgramResult.Returned}.
 */
@FunctionalInterface
public interface ProgramStorage {

  /** The value of {@code address}'s storage slot {@code slot}, {@link Word#ZERO} when unset. */
  Word storage(Address address, Hash slot);
}
