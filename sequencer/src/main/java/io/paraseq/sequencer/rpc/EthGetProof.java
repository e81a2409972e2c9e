package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.state.AccountProof;
import io.paraseq.protocol.state.StorageProof;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.ChainHead;
import io.paraseq.sequencer.chain.StateProofs;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code eth_getProof(address, storageKeys, block)} (EIP-1186): the account with its Merkle proof
 * against the block's state root, and a proof per storage key, in geth's format ({@code address,
 * accountProof, balance, codeHash, nonce, storageHash, storageProof[{key, value, proof}]}).
 *
 * <p>Only the head's state is held, and its tries may only be walked by their owner, the block
 * producer thread: the proof is built there ({@link Prover}) and comes back with the root it was
 * built against. If that is not the state root of the head this call resolved (a block was
 * published in between), the call resolves the block again and retries once; if the head moved
 * again it answers {@link RpcError#STATE_BUSY}. Keys are read as geth reads them ({@link
 * StorageKey}), at most {@value #MAX_STORAGE_KEYS}; a 32-byte key is echoed as 32 bytes (in lower
 * case), a shorter one as a quantity.
 */
final class EthGetProof implements RpcMethod {

  /** Most storage keys one call may ask for: the proofs are built on the producer thread. */
  static final int MAX_STORAGE_KEYS = 1_024;

  /** How long an HTTP worker waits for the producer thread. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static final int ATTEMPTS = 2;

  private final HeadStates heads;
  private final Prover prover;

  EthGetProof(HeadStates heads, Prover prover) {
    this.heads = Objects.requireNonNull(heads, "heads");
    this.prover = Objects.requireNonNull(prover, "prover");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_GET_PROOF;
  }

  @Override
  public Arity arity() {
    return Arity.exactly(3);
  }

  @Override
  public RpcResult response(RpcRequest request) {
    RpcParams params = request.params();
    return params
        .address(0)
        .then(
            address ->
                params
                    .strings(1)
                    .then(
                        keys ->
                            params
                                .block(2)
                                .then(block -> keys(keys).then(k -> prove(address, k, block)))));
  }

  private static Param<List<StorageKey>> keys(List<String> texts) {
    if (texts.size() > MAX_STORAGE_KEYS) {
      return new Param.Rejected<>(
          RpcError.INVALID_ARGUMENT.failure(
              1, "too many storage keys, at most " + MAX_STORAGE_KEYS));
    }
    List<StorageKey> keys = new ArrayList<>(texts.size());
    for (String text : texts) {
      switch (StorageKey.parse(text)) {
        case HexCodec.Decoded.Valid<StorageKey>(StorageKey key) -> keys.add(key);
        case HexCodec.Decoded.Invalid<StorageKey>(String reason) -> {
          return new Param.Rejected<>(RpcError.INVALID_STORAGE_KEY.failureWithDetail(reason));
        }
      }
    }
    return new Param.Ok<>(keys);
  }

  private RpcResult prove(Address address, List<StorageKey> keys, BlockSelector block) {
    List<Hash> slots = keys.stream().map(StorageKey::slot).toList();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      ChainHead.Head head;
      switch (heads.resolve(block)) {
        case StateLookup.Missing(RpcResult.Failure failure) -> {
          return failure;
        }
        case StateLookup.Found(ChainHead.Head found) -> head = found;
      }
      Optional<RpcResult> answer =
          switch (prover.prove(address, slots, TIMEOUT)) {
            case StateProofs.Outcome.Proven(Hash root, AccountProof proof)
                when root.equals(head.header().stateRoot()) ->
                Optional.of(RpcResult.success(ProofAnswer.of(proof, keys)));
            case StateProofs.Outcome.Proven moved -> Optional.empty();
            case StateProofs.Outcome.Busy(String reason) ->
                Optional.of(RpcError.STATE_BUSY.failureWithDetail(reason));
            case StateProofs.Outcome.Unavailable(String reason) ->
                Optional.of(RpcError.STATE_UNAVAILABLE.failureWithDetail(reason));
          };
      if (answer.isPresent()) {
        return answer.get();
      }
    }
    return RpcError.STATE_BUSY.failureWithDetail("the head moved while the proof was built");
  }

  /**
   * The answer's JSON, in geth's member order.
   *
   * @param address the account, lower-case hex
   * @param accountProof the state trie nodes, root first
   * @param balance quantity
   * @param codeHash 32 bytes
   * @param nonce quantity
   * @param storageHash 32 bytes
   * @param storageProof one per requested key, in request order
   */
  record ProofAnswer(
      String address,
      List<String> accountProof,
      String balance,
      String codeHash,
      String nonce,
      String storageHash,
      List<StorageAnswer> storageProof) {

    static ProofAnswer of(AccountProof proof, List<StorageKey> keys) {
      List<StorageAnswer> storage = new ArrayList<>(keys.size());
      for (int i = 0; i < keys.size(); i++) {
        StorageProof slot = proof.storageProof().get(i);
        storage.add(
            new StorageAnswer(
                keys.get(i).echoed(),
                HexCodec.quantity(slot.value().toBigInteger()),
                hex(slot.proof())));
      }
      return new ProofAnswer(
          proof.address().toLowerHex(),
          hex(proof.accountProof()),
          HexCodec.quantity(proof.balance().value()),
          HexCodec.data(proof.codeHash().bytes()),
          HexCodec.quantity(new BigInteger(Long.toUnsignedString(proof.nonce()))),
          HexCodec.data(proof.storageHash().bytes()),
          storage);
    }

    private static List<String> hex(List<Bytes> nodes) {
      return nodes.stream().map(HexCodec::data).toList();
    }
  }

  /**
   * One {@code storageProof} entry.
   *
   * @param key the key as requested (see the class comment)
   * @param value the slot's value, quantity
   * @param proof the storage trie nodes, root first
   */
  record StorageAnswer(String key, String value, List<String> proof) {}
}
