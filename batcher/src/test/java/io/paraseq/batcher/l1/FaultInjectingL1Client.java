package io.paraseq.batcher.l1;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real {@link L1Client} with injected send faults, for the paths a healthy anvil never takes: a
 * send that never reaches the node ({@link #dropSends}: the process "crashed" after storing the
 * attempt) and a send whose answer is lost after the node took it ({@link #loseAnswers}: the retry
 * sends the same bytes again). Every other call goes to the real client unchanged.
 */
final class FaultInjectingL1Client implements L1Client {

  private final L1Client real;
  private final AtomicInteger dropSends = new AtomicInteger();
  private final AtomicInteger loseAnswers = new AtomicInteger();

  FaultInjectingL1Client(L1Client real) {
    this.real = real;
  }

  /** The next {@code count} sends fail without reaching the node. */
  void dropSends(int count) {
    dropSends.set(count);
  }

  /** The next {@code count} sends reach the node, but their answers are lost. */
  void loseAnswers(int count) {
    loseAnswers.set(count);
  }

  @Override
  public SendResult sendRawTransaction(Bytes rawTransaction) {
    if (dropSends.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new L1UnavailableException("injected: send dropped before reaching the node");
    }
    SendResult result = real.sendRawTransaction(rawTransaction);
    if (loseAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new L1UnavailableException("injected: answer lost (node said " + result + ")");
    }
    return result;
  }

  @Override
  public long chainId() {
    return real.chainId();
  }

  @Override
  public L1Block latestBlock() {
    return real.latestBlock();
  }

  @Override
  public Optional<L1Block> blockByNumber(long number) {
    return real.blockByNumber(number);
  }

  @Override
  public long pendingNonce(Address account) {
    return real.pendingNonce(account);
  }

  @Override
  public long latestNonce(Address account) {
    return real.latestNonce(account);
  }

  @Override
  public Optional<L1Receipt> receipt(Hash txHash) {
    return real.receipt(txHash);
  }

  @Override
  public Bytes call(Address to, Bytes data) {
    return real.call(to, data);
  }

  @Override
  public java.util.List<L1Log> logs(Address address, Hash topic0, long fromBlock, long toBlock) {
    return real.logs(address, topic0, fromBlock, toBlock);
  }

  @Override
  public Optional<L1TransactionData> transaction(Hash txHash) {
    return real.transaction(txHash);
  }
}
