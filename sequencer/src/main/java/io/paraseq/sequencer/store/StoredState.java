package io.paraseq.sequencer.store;

import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import java.util.Map;

/**
 * The flat state rows as loaded for a rebuild. The maps are the loader's and are handed over (not
 * copied: a state may hold millions of rows).
 *
 * @param accounts every account row
 * @param storage every non-zero slot, by address
 */
public record StoredState(Map<Address, Account> accounts, Map<Address, Map<Hash, Word>> storage) {}
