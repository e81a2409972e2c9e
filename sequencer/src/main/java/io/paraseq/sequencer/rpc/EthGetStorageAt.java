package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.types.Address;
import io.paraseq.sequencer.chain.ChainHead;
import java.util.Objects;

/**
 * {@code eth_getStorageAt(address, slot, block)}: the 32-byte word in the slot (zero when unset).
 * The slot is read as geth reads it ({@link StorageKey}): a quantity or up to 32 bytes of hex.
 */
final class EthGetStorageAt implements RpcMethod {

  private final HeadStates heads;

  EthGetStorageAt(HeadStates heads) {
    this.heads = Objects.requireNonNull(heads, "heads");
  }

  @Override
  public RpcMethodName name() {
    return RpcMethodName.ETH_GET_STORAGE_AT;
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
                    .string(1)
                    .then(
                        key ->
                            params
                                .block(2)
                                .then(
                                    block ->
                                        heads.resolve(block).then(h -> word(h, address, key)))));
  }

  private static RpcResult word(ChainHead.Head head, Address address, String key) {
    return switch (StorageKey.parse(key)) {
      case HexCodec.Decoded.Invalid<StorageKey>(String reason) ->
          RpcError.INVALID_STORAGE_KEY.failureWithDetail(reason);
      case HexCodec.Decoded.Valid<StorageKey>(StorageKey slot) ->
          RpcResult.success(HexCodec.data(head.state().storage(address, slot.slot()).bytes()));
    };
  }
}
