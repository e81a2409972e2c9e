package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.StateProofs;
import java.time.Duration;
import java.util.List;

/** Builds {@code eth_getProof}'s proofs: {@link StateProofs#prove} in the node. */
@FunctionalInterface
interface Prover {

  /** The proof of {@code address} and {@code slots}, waiting at most {@code timeout}. */
  StateProofs.Outcome prove(Address address, List<Hash> slots, Duration timeout);
}
