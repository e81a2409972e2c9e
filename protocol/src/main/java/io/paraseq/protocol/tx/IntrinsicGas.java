package io.paraseq.protocol.tx;

import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;

/**
 * Intrinsic gas under Cancun rules, and the checks that use it. The one owner of these constants.
 *
 * <ul>
 *   <li>{@value #TRANSACTION} per transaction, plus {@value #CONTRACT_CREATION} for a creation;
 *   <li>call data: {@value #ZERO_DATA_BYTE} per zero byte, {@value #NON_ZERO_DATA_BYTE} per other
 *       byte (EIP-2028);
 *   <li>access list: {@value #ACCESS_LIST_ADDRESS} per address, {@value #ACCESS_LIST_STORAGE_KEY}
 *       per storage key (EIP-2930);
 *   <li>creation: {@value #INIT_CODE_WORD} per 32-byte word of init code, and at most {@value
 *       #MAX_INIT_CODE_SIZE} bytes of it (EIP-3860).
 * </ul>
 *
 * <p>Results are in gas; they never exceed 2^40 for any transaction that fits in memory.
 */
public final class IntrinsicGas {

  /** Base cost of every transaction. */
  public static final long TRANSACTION = 21_000;

  /** Extra base cost of a contract creation (53,000 in all). */
  public static final long CONTRACT_CREATION = 32_000;

  /** Per zero byte of call data. */
  public static final long ZERO_DATA_BYTE = 4;

  /** Per non-zero byte of call data (EIP-2028). */
  public static final long NON_ZERO_DATA_BYTE = 16;

  /** Per access-list address (EIP-2930). */
  public static final long ACCESS_LIST_ADDRESS = 2_400;

  /** Per access-list storage key (EIP-2930). */
  public static final long ACCESS_LIST_STORAGE_KEY = 1_900;

  /** Per 32-byte word of init code (EIP-3860). */
  public static final long INIT_CODE_WORD = 2;

  /** Largest init code a creation may carry, 2 × the EIP-170 code limit (EIP-3860). */
  public static final int MAX_INIT_CODE_SIZE = 49_152;

  private static final int WORD = Hash.LENGTH;

  private IntrinsicGas() {}

  /** The intrinsic gas of {@code tx}. */
  public static long of(Transaction tx) {
    return of(tx.data(), tx.accessList(), tx.isContractCreation());
  }

  /**
   * The intrinsic gas of a message with these fields, signed or not: what {@code eth_call} and
   * {@code eth_estimateGas} charge for a call object.
   *
   * @param data call data, or init code when {@code contractCreation}
   * @param accessList the EIP-2930 access list
   * @param contractCreation whether the message creates a contract
   */
  public static long of(Bytes data, List<AccessListEntry> accessList, boolean contractCreation) {
    long gas = TRANSACTION + dataGas(data);
    if (contractCreation) {
      gas += CONTRACT_CREATION + INIT_CODE_WORD * ((data.length() + (long) WORD - 1) / WORD);
    }
    for (AccessListEntry entry : accessList) {
      gas += ACCESS_LIST_ADDRESS + ACCESS_LIST_STORAGE_KEY * entry.storageKeys().size();
    }
    return gas;
  }

  /**
   * Checks the EIP-3860 init-code limit and that the gas limit covers the intrinsic gas.
   *
   * @return the intrinsic gas, or {@link InvalidTransaction#INIT_CODE_SIZE_EXCEEDED} / {@link
   *     InvalidTransaction#INTRINSIC_GAS_TOO_LOW}
   */
  public static TransactionResult<Long> check(Transaction tx) {
    if (tx.isContractCreation() && tx.data().length() > MAX_INIT_CODE_SIZE) {
      return TransactionResult.invalid(
          InvalidTransaction.INIT_CODE_SIZE_EXCEEDED,
          "init code of " + tx.data().length() + " bytes, at most " + MAX_INIT_CODE_SIZE);
    }
    long intrinsic = of(tx);
    if (Long.compareUnsigned(tx.gasLimit(), intrinsic) < 0) {
      return TransactionResult.invalid(
          InvalidTransaction.INTRINSIC_GAS_TOO_LOW,
          "gas limit " + Long.toUnsignedString(tx.gasLimit()) + " < intrinsic gas " + intrinsic);
    }
    return TransactionResult.valid(intrinsic);
  }

  private static long dataGas(Bytes data) {
    long gas = 0;
    for (int i = 0; i < data.length(); i++) {
      gas += data.get(i) == 0 ? ZERO_DATA_BYTE : NON_ZERO_DATA_BYTE;
    }
    return gas;
  }
}
