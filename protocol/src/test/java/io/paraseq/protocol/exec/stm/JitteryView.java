package io.paraseq.protocol.exec.stm;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link StateView} that answers like the one it wraps but now and then yields or pauses the
 * reading thread for a few microseconds: transactions then finish in other orders, so the
 * properties meet more aborts, ESTIMATEs and suspensions than fast transfers on two cores would.
 */
final class JitteryView implements StateView {

  private final StateView view;

  JitteryView(StateView view) {
    this.view = view;
  }

  @Override
  public Account account(Address address) {
    jitter();
    return view.account(address);
  }

  @Override
  public Word storage(Address address, Hash slot) {
    jitter();
    return view.storage(address, slot);
  }

  private static void jitter() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int roll = random.nextInt(64);
    if (roll < 8) {
      Thread.yield();
    } else if (roll == 8) {
      LockSupport.parkNanos(random.nextLong(5_000, 200_000));
    }
  }
}
