package io.paraseq.batcher.l1;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * The L1 node, as the transaction manager and the verifier's derivation use it: the small adapter
 * interface that keeps web3j at the edge ({@link Web3jL1Client}) and lets a retrying,
 * circuit-breaking decorator ({@link ResilientL1Client}) wrap it. A blob (EIP-4844) sender needs
 * nothing more from the node than these calls plus the blob base fee, which it would add here.
 *
 * <p>Every method throws {@link L1UnavailableException} when the node cannot be asked; reads that
 * the node answers with a request error throw {@link L1RpcErrorException}.
 */
public interface L1Client {

  /** {@code eth_chainId}. */
  long chainId();

  /** The latest block ({@code eth_getBlockByNumber("latest")}). */
  L1Block latestBlock();

  /** The canonical block {@code number}, or empty above the head. */
  Optional<L1Block> blockByNumber(long number);

  /** {@code eth_getTransactionCount(account, "pending")}: the next nonce counting the pool. */
  long pendingNonce(Address account);

  /** {@code eth_getTransactionCount(account, "latest")}: transactions included so far. */
  long latestNonce(Address account);

  /** {@code eth_sendRawTransaction}: the node's answer; a refusal is a value, not an exception. */
  SendResult sendRawTransaction(Bytes rawTransaction);

  /** {@code eth_getTransactionReceipt}: empty while the transaction is not included. */
  Optional<L1Receipt> receipt(Hash txHash);

  /** {@code eth_call} at the latest block: the return data. */
  Bytes call(Address to, Bytes data);

  /**
   * {@code eth_getLogs} of {@code address} whose first topic is {@code topic0}, in the canonical
   * blocks {@code fromBlock..toBlock} (inclusive), in block and log order.
   */
  List<L1Log> logs(Address address, Hash topic0, long fromBlock, long toBlock);

  /** {@code eth_getTransactionByHash}: empty if the node does not know the transaction. */
  Optional<L1TransactionData> transaction(Hash txHash);
}
