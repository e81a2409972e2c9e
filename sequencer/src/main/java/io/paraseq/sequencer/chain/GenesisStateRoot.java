package io.paraseq.sequencer.chain;

import io.paraseq.protocol.chain.DevAccounts;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.types.Hash;
import java.util.Map;

/**
 * The L2 genesis allocation, in one place for the node ({@link ChainBootstrap}) and for the devnet,
 * which must deploy the L1 {@code Rollup} contract with the genesis state root before the node
 * starts.
 *
 * <p>Command line ({@code ./paraseq devnet}): {@code GenesisStateRoot [--dev-accounts=true|false]}
 * prints the state root as 0x-hex on standard output.
 */
public final class GenesisStateRoot {

  private GenesisStateRoot() {}

  /** The genesis allocation: the ten development accounts, or nothing. */
  static GenesisAlloc alloc(boolean devAccounts) {
    return devAccounts ? DevAccounts.alloc() : GenesisAlloc.of(Map.of());
  }

  /** The state root of the genesis allocation (it does not depend on time or chain id). */
  public static Hash of(boolean devAccounts) {
    return WorldState.genesis(alloc(devAccounts)).stateRoot();
  }

  /** Prints the root; exits 2 on an unknown argument. */
  public static void main(String[] args) {
    boolean devAccounts = true;
    for (String arg : args) {
      if (arg.equals("--dev-accounts=true") || arg.equals("--dev-accounts")) {
        devAccounts = true;
      } else if (arg.equals("--dev-accounts=false")) {
        devAccounts = false;
      } else {
        System.err.println("usage: GenesisStateRoot [--dev-accounts=true|false]");
        System.exit(2);
      }
    }
    System.out.println(of(devAccounts));
  }
}
