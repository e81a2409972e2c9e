package io.paraseq.protocol.program;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;

/**
 * Where an {@link Erc20Program} keeps its state: the slots solc gives this contract (the
 * OpenZeppelin ERC-20 layout, with decimals stored), so {@code eth_getStorageAt} and {@code
 * eth_getProof} read them as they would a Solidity token's.
 *
 * <pre>{@code
 * mapping(address => uint256) _balances;                       // slot 0
 * mapping(address => mapping(address => uint256)) _allowances; // slot 1
 * uint256 _totalSupply;                                        // slot 2
 * string _name;                                                // slot 3
 * string _symbol;                                              // slot 4
 * uint8 _decimals;                                             // slot 5
 * }</pre>
 */
public final class Erc20Layout {

  /** Slot of the balances mapping. */
  public static final Hash BALANCES = Slots.of(0);

  /** Slot of the allowances mapping (owner → spender → amount). */
  public static final Hash ALLOWANCES = Slots.of(1);

  /** Slot of the total supply. */
  public static final Hash TOTAL_SUPPLY = Slots.of(2);

  /** Slot of the name (a Solidity string). */
  public static final Hash NAME = Slots.of(3);

  /** Slot of the symbol (a Solidity string). */
  public static final Hash SYMBOL = Slots.of(4);

  /** Slot of the decimals ({@code uint8}, alone in its slot). */
  public static final Hash DECIMALS = Slots.of(5);

  private Erc20Layout() {}

  /** The slot of {@code holder}'s balance: {@code keccak256(pad32(holder) ‖ pad32(0))}. */
  public static Hash balance(Address holder) {
    return Slots.mapping(BALANCES, holder);
  }

  /** The slot of {@code owner}'s allowance for {@code spender}. */
  public static Hash allowance(Address owner, Address spender) {
    return Slots.mapping(Slots.mapping(ALLOWANCES, owner), spender);
  }
}
