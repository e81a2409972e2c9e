package io.paraseq.protocol.program;

/**
 * The gas schedule of native programs: the one place where their costs are defined. The numbers are
 * the EVM's (Cancun: EIP-2929 cold and warm access, EIP-2200/3529 storage writes, the LOG and
 * KECCAK256 costs), charged for the operations a program performs, so a native call costs about
 * what the equivalent Solidity contract would. A transaction's gas used is its intrinsic gas plus
 * the sum of these charges; see {@code docs/native-programs.md} for the table with examples.
 *
 * <table>
 *   <caption>Charges</caption>
 *   <tr><th>operation</th><th>gas</th></tr>
 *   <tr><td>entering a program (dispatch, decoding, memory, return), also for each inner call
 *       of a pair into a token</td><td>{@value #CALL}</td></tr>
 *   <tr><td>first access to another program's account in the transaction (a pair's token; the
 *       transaction's recipient and access-listed addresses are warm)</td>
 *       <td>{@value #COLD_ACCOUNT_ACCESS}, then {@value #WARM_ACCESS}</td></tr>
 *   <tr><td>storage read of a slot not yet accessed in the transaction (access-listed slots are
 *       warm)</td><td>{@value #COLD_SLOAD}, then {@value #WARM_ACCESS}</td></tr>
 *   <tr><td>storage write: value unchanged, or a slot already written in the transaction</td>
 *       <td>{@value #WARM_ACCESS}</td></tr>
 *   <tr><td>storage write of a clean slot: zero → non-zero</td><td>{@value #SSTORE_SET}</td></tr>
 *   <tr><td>storage write of a clean slot: non-zero → another value</td>
 *       <td>{@value #SSTORE_RESET}</td></tr>
 *   <tr><td>storage write to a cold slot: in addition</td><td>{@value #COLD_SLOAD}</td></tr>
 *   <tr><td>keccak256 of a mapping key or a string's data slot: 30 + 6 per 32-byte word</td>
 *       <td>{@value #KECCAK} + {@value #KECCAK_WORD} × words</td></tr>
 *   <tr><td>log: base + per topic + per data byte</td>
 *       <td>{@value #LOG} + {@value #LOG_TOPIC} × topics + {@value #LOG_DATA_BYTE} × bytes</td></tr>
 * </table>
 *
 * <p>Unlike the EVM there are no refunds (clearing a slot returns nothing), no 63/64 rule and no
 * stipend: a program's gas never depends on the gas left, so the gas used at success is exactly the
 * gas needed and {@code eth_estimateGas} converges on it.
 */
public final class ProgramGas {

  /** Entering a program, or an inner call from a pair into a token. */
  public static final long CALL = 1_000;

  /** First access to an account in a transaction (EIP-2929 {@code COLD_ACCOUNT_ACCESS_COST}). */
  public static final long COLD_ACCOUNT_ACCESS = 2_600;

  /** Read of a cold storage slot; also the surcharge of a write to one (EIP-2929). */
  public static final long COLD_SLOAD = 2_100;

  /** Warm access: a read of a warm slot, a no-op or dirty write, a warm account (EIP-2929). */
  public static final long WARM_ACCESS = 100;

  /** Write of a clean slot from zero to non-zero (EIP-2200 {@code SSTORE_SET_GAS}). */
  public static final long SSTORE_SET = 20_000;

  /** Write of a clean non-zero slot to another value (5,000 − 2,100, EIP-2929). */
  public static final long SSTORE_RESET = 2_900;

  /** keccak256 base cost. */
  public static final long KECCAK = 30;

  /** keccak256 cost per 32-byte word hashed. */
  public static final long KECCAK_WORD = 6;

  /** Log base cost. */
  public static final long LOG = 375;

  /** Log cost per topic. */
  public static final long LOG_TOPIC = 375;

  /** Log cost per data byte. */
  public static final long LOG_DATA_BYTE = 8;

  private ProgramGas() {}

  /** The cost of hashing {@code words} 32-byte words. */
  public static long keccak(int words) {
    return KECCAK + KECCAK_WORD * words;
  }

  /** The cost of a log with {@code topics} topics and {@code dataBytes} bytes of data. */
  public static long log(int topics, int dataBytes) {
    return LOG + LOG_TOPIC * topics + LOG_DATA_BYTE * (long) dataBytes;
  }
}
