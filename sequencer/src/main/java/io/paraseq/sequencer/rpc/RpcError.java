package io.paraseq.sequencer.rpc;

import java.util.Locale;
import java.util.Optional;

/**
 * Every JSON-RPC error the node answers with: its code and its text, in one place.
 *
 * <p>Texts follow geth wherever geth has one, because wallets and libraries match on them (ethers
 * looks for {@code nonce too low}, {@code insufficient funds}, {@code already known}, …). A text
 * may be a {@link String#format} template ({@link #METHOD_NOT_FOUND}, {@link #INVALID_ARGUMENT},
 * …); {@link #failure(Object...)} fills it in. geth appends details to some of its errors after a
 * colon ({@code nonce too low: next nonce 5, tx nonce 3}, {@code invalid chain id for signer: have
 * 1 want 3195}); {@link #failureWithDetail(String)} does the same, so the text stays a prefix that
 * clients can match.
 */
public enum RpcError {
  // JSON-RPC 2.0 request-level errors.
  /** The body is not JSON. */
  PARSE_ERROR(-32700, "parse error"),
  /** Not a valid request object (version, method, params or id of the wrong form). */
  INVALID_REQUEST(-32600, "invalid request"),
  /** A batch without calls. */
  EMPTY_BATCH(-32600, "empty batch"),
  /** A batch over {@code paraseq.rpc.max-batch-size} calls (geth's text). */
  BATCH_TOO_LARGE(-32600, "batch too large"),
  /** A body over {@code paraseq.rpc.max-request-size}; the argument is the limit in bytes. */
  REQUEST_TOO_LARGE(-32600, "request body too large, limit is %d bytes"),
  /** Not {@code Content-Type: application/json} (geth's text, sent with HTTP 415). */
  UNSUPPORTED_CONTENT_TYPE(-32600, "invalid content type, only application/json is supported"),
  /** Any HTTP method but POST (geth's text, sent with HTTP 405). */
  HTTP_METHOD_NOT_ALLOWED(-32600, "method not allowed"),
  /** No such method; the argument is the requested name (geth's text). */
  METHOD_NOT_FOUND(-32601, "the method %s does not exist/is not available"),

  // Parameters (geth's texts).
  /** The arguments are not a JSON array. */
  NON_ARRAY_ARGUMENTS(-32602, "non-array args"),
  /** More arguments than the method takes; the argument is the maximum. */
  TOO_MANY_ARGUMENTS(-32602, "too many arguments, want at most %d"),
  /** A required argument is absent or null; the argument is its index. */
  MISSING_ARGUMENT(-32602, "missing value for required argument %d"),
  /** An argument of the wrong form; the arguments are its index and the reason. */
  INVALID_ARGUMENT(-32602, "invalid argument %d: %s"),

  /** A fault in the node, never the caller's; details go to the log only. */
  INTERNAL_ERROR(-32603, "internal error"),

  // Transaction ingress (geth's txpool and core texts, code -32000 as geth sends them).
  /** The nonce is below the sender's next nonce. */
  NONCE_TOO_LOW(-32000, "nonce too low"),
  /** The same transaction is already in the pool. */
  ALREADY_KNOWN(-32000, "already known"),
  /** A replacement without the required fee bump. */
  REPLACEMENT_UNDERPRICED(-32000, "replacement transaction underpriced"),
  /** The balance does not cover gas × fee cap + value. */
  INSUFFICIENT_FUNDS(-32000, "insufficient funds for gas * price + value"),
  /** The gas limit is below the intrinsic gas. */
  INTRINSIC_GAS_TOO_LOW(-32000, "intrinsic gas too low"),
  /** The gas limit is above the block gas limit. */
  EXCEEDS_BLOCK_GAS_LIMIT(-32000, "exceeds block gas limit"),
  /** The encoded transaction is larger than the pool accepts. */
  OVERSIZED_DATA(-32000, "oversized data"),
  /** A transaction type the chain does not accept (e.g. deposits, blobs). */
  TRANSACTION_TYPE_NOT_SUPPORTED(-32000, "transaction type not supported"),
  /** Signed for another chain; geth adds {@code : have <id> want <id>}. */
  INVALID_CHAIN_ID(-32000, "invalid chain id for signer"),
  /** The fee cap (gas price) is below the pool's minimum (geth's price limit). */
  TRANSACTION_UNDERPRICED(-32000, "transaction underpriced"),
  /** The sender holds as many queued transactions as the pool allows. */
  ACCOUNT_LIMIT_EXCEEDED(-32000, "account limit exceeded"),
  /** The pool is full and nothing cheaper or older could make room. */
  TXPOOL_FULL(-32000, "txpool is full"),
  /**
   * Any other broken transaction rule (malformed RLP, bad signature, unprotected legacy, …); the
   * message is the rule's description and detail rather than this text.
   */
  INVALID_TRANSACTION(-32000, "invalid transaction"),
  /** A verifier takes no transactions (EIP-1474's method-not-supported code). */
  NOT_AVAILABLE_ON_VERIFIER(
      -32004, "method not available on a verifier: send transactions to the sequencer"),
  /** Back-pressure: an ingress queue is full; retry later (EIP-1474's limit-exceeded code). */
  INGRESS_BUSY(-32005, "transaction ingress is busy, try again later"),

  // State reads (geth's texts where geth has one, code -32000 as geth sends them).
  /** The block argument names no known block: an unknown hash, a number above the head. */
  HEADER_NOT_FOUND(-32000, "header not found"),
  /**
   * A known block other than the head: the node keeps the head's state only (like a geth node
   * without the archive); the argument is the head's number.
   */
  HISTORICAL_STATE_UNAVAILABLE(
      -32000, "historical state not available: the node keeps the state of the head block %d only"),
  /**
   * An account whose code hash is neither the empty code's nor a native program's: the node stores
   * no other code (no account can get other code before an EVM exists).
   */
  CODE_NOT_AVAILABLE(
      -32000, "code not available: the node stores no contract code besides native programs'"),
  /** A call or estimate that would create a contract. */
  CONTRACT_CREATION_UNSUPPORTED(
      -32000, "contract creation is not supported: the chain has no EVM yet"),
  /** A call or estimate to an account with code. */
  CODE_EXECUTION_UNSUPPORTED(-32000, "contract code cannot be executed: the chain has no EVM yet"),
  /**
   * A call ({@code eth_call}, {@code eth_estimateGas}) reverted: geth's code 3, with {@code :
   * <reason>} when the revert data is an {@code Error(string)}, and the revert data as {@code
   * data}.
   */
  EXECUTION_REVERTED(3, "execution reverted"),
  /** A call ran out of gas (geth's text). */
  OUT_OF_GAS(-32000, "out of gas"),
  /** A call's fee cap is below the next block's base fee (geth's text). */
  FEE_CAP_TOO_LOW(-32000, "max fee per gas less than block base fee"),
  /** A call's priority fee cap is above its fee cap (geth's text). */
  TIP_ABOVE_FEE_CAP(-32000, "max priority fee per gas higher than max fee per gas"),
  /** The call fails at the highest gas limit the estimate may use; the argument is that limit. */
  GAS_REQUIRED_EXCEEDS_ALLOWANCE(-32000, "gas required exceeds allowance (%d)"),
  /** An estimate with a fee whose value is not below the sender's balance (geth's text). */
  INSUFFICIENT_FUNDS_FOR_TRANSFER(-32000, "insufficient funds for transfer"),
  /** A call object with both fee styles (geth's text). */
  CONFLICTING_FEE_FIELDS(
      -32000, "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified"),
  /** A call object with different {@code data} and {@code input} (geth's text). */
  CONFLICTING_DATA_AND_INPUT(
      -32000,
      "both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass"
          + " transaction call data"),
  /** A call object for another chain; the arguments are its chain id and ours (geth's text). */
  CHAIN_ID_MISMATCH(-32000, "chainId does not match node's (have=%s, want=%d)"),
  /** A storage key that is not hex of at most 32 bytes; geth adds the reason. */
  INVALID_STORAGE_KEY(-32000, "unable to decode storage key"),
  /** The state's owner thread has too much queued work, or did not answer in time. */
  STATE_BUSY(-32005, "state access is busy, try again later"),
  /** The state's owner thread has ended; the detail says why. */
  STATE_UNAVAILABLE(-32000, "state not available"),

  // Chain reads (geth's texts and codes).
  /** {@code eth_getLogs}: the first block is after the last. */
  INVALID_BLOCK_RANGE(-32602, "invalid block range params"),
  /** {@code eth_getLogs}: the last block is after the head. */
  BLOCK_RANGE_BEYOND_HEAD(-32602, "block range extends beyond current head block"),
  /** {@code eth_getLogs}: more addresses, or more topics at one position, than allowed. */
  LOG_QUERY_LIMIT(-32602, "exceed max addresses or topics per search position"),
  /** {@code eth_getLogs}: {@code blockHash} names no stored block. */
  UNKNOWN_BLOCK(-32000, "unknown block"),
  /** {@code eth_getLogs}: more blocks than {@code paraseq.rpc.max-logs-block-range}. */
  BLOCK_RANGE_TOO_LARGE(-32000, "exceed maximum block range: %d"),
  /**
   * {@code eth_getLogs}: more logs than {@code paraseq.rpc.max-logs-results}; the text clients look
   * for to split their range (EIP-1474's limit-exceeded code).
   */
  TOO_MANY_RESULTS(-32005, "query returned more than %d results"),
  /** {@code eth_feeHistory}: percentiles too many, outside [0, 100] or not increasing. */
  INVALID_REWARD_PERCENTILE(-32000, "invalid reward percentile"),
  /** {@code eth_feeHistory}: the newest block is after the head. */
  REQUEST_BEYOND_HEAD(-32000, "request beyond head block");

  private final int code;
  private final String text;

  RpcError(int code, String text) {
    this.code = code;
    this.text = text;
  }

  /** The JSON-RPC error code. */
  public int code() {
    return code;
  }

  /** The text, or its template when the error takes arguments. */
  public String text() {
    return text;
  }

  /** The lower-case name used as a metric tag ({@code method_not_found}). */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** This error with its text, the template filled in with {@code arguments} if it has any. */
  public RpcResult.Failure failure(Object... arguments) {
    String message = arguments.length == 0 ? text : String.format(Locale.ROOT, text, arguments);
    return new RpcResult.Failure(this, message, Optional.empty());
  }

  /** This error with {@code ": " + detail} after its text, as geth wraps its errors. */
  public RpcResult.Failure failureWithDetail(String detail) {
    return new RpcResult.Failure(this, text + ": " + detail, Optional.empty());
  }
}
