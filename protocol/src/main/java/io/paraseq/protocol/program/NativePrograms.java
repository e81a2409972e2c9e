package io.paraseq.protocol.program;

import io.paraseq.protocol.state.StateKey.StorageKey;
import io.paraseq.protocol.tx.AccessListEntry;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of native programs and the one entry point that runs them. An account runs a program
 * when its code hash is a {@link ProgramKind}'s; the executor asks {@link #isProgram} and then
 * calls {@link #execute}; the node serves {@link #code} for {@code eth_getCode}.
 *
 * <p>Execution is deterministic: the result depends only on the call and the storage it reads
 * (Block-STM re-runs a call and must get the same result). No mutable state is shared; safe from
 * any thread.
 */
public final class NativePrograms {

  private NativePrograms() {}

  /** Whether an account with {@code codeHash} runs a native program. */
  public static boolean isProgram(Hash codeHash) {
    return ProgramKind.byCodeHash(codeHash).isPresent();
  }

  /** The code bytes of the program with {@code codeHash}, for {@code eth_getCode}. */
  public static Optional<Bytes> code(Hash codeHash) {
    return ProgramKind.byCodeHash(codeHash).map(ProgramKind::code);
  }

  /**
   * Runs {@code call}: charges {@link ProgramGas#CALL}, reverts with empty data if value is sent
   * (no program is payable), dispatches on the selector and runs the function. Storage reads go to
   * {@code storage} (never written); writes and logs are buffered and returned only on success.
   *
   * @throws IllegalArgumentException if the call's code hash is not a program's
   */
  public static ProgramResult execute(ProgramCall call, ProgramStorage storage) {
    Objects.requireNonNull(storage, "storage");
    ProgramKind kind =
        ProgramKind.byCodeHash(call.codeHash())
            .orElseThrow(
                () -> new IllegalArgumentException("no program has code hash " + call.codeHash()));
    Set<StorageKey> warmSlots = new HashSet<>();
    Set<Address> warmAccounts = new HashSet<>();
    warmAccounts.add(call.program());
    for (AccessListEntry entry : call.accessList()) {
      warmAccounts.add(entry.address());
      entry.storageKeys().forEach(slot -> warmSlots.add(new StorageKey(entry.address(), slot)));
    }
    long gas = call.gas() < 0 ? Long.MAX_VALUE : call.gas(); // unsigned: more than any call needs
    ProgramContext context =
        new ProgramContext(storage, gas, call.timestamp(), warmSlots, warmAccounts);
    try {
      context.charge(ProgramGas.CALL);
      if (call.value().value().signum() != 0) {
        throw Halt.empty();
      }
      Bytes returned = kind.program().run(context, call.program(), call.caller(), call.data());
      return new ProgramResult.Returned(
          context.gasUsed(), returned, context.logs(), context.writes());
    } catch (Halt.Revert revert) {
      return new ProgramResult.Reverted(context.gasUsed(), revert.data());
    } catch (AbiException refused) {
      return new ProgramResult.Reverted(context.gasUsed(), Bytes.EMPTY);
    } catch (Halt.OutOfGas outOfGas) {
      return new ProgramResult.OutOfGas(call.gas());
    }
  }
}
