package io.paraseq.sequencer.rpc;

import io.paraseq.protocol.exec.CallMessage;
import io.paraseq.protocol.tx.AccessListEntry;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * The call object of {@code eth_call} and {@code eth_estimateGas}, geth's {@code TransactionArgs}:
 * every field optional. Parsed by {@link #parse} with geth's texts; turned into the protocol's
 * {@link CallMessage} by {@link #toMessage} with geth's call defaults. Unknown fields are ignored
 * (as geth's JSON decoder ignores them); {@code null} is the same as absent.
 *
 * @param from the sender; the zero address when absent
 * @param to the recipient; absent for a contract creation
 * @param gas the gas limit, unsigned 64-bit
 * @param gasPrice the legacy gas price
 * @param maxFeePerGas the EIP-1559 fee cap
 * @param maxPriorityFeePerGas the EIP-1559 priority fee cap
 * @param value the wei sent along
 * @param data the call data under its old name
 * @param input the call data under its new name, preferred
 * @param nonce the nonce; parsed and ignored, since calls never check nonces (as geth's)
 * @param chainId the chain the call is meant for; must be this chain's when given
 * @param accessList the EIP-2930 access list; empty when absent
 */
record CallArguments(
    Optional<Address> from,
    Optional<Address> to,
    OptionalLong gas,
    Optional<Wei> gasPrice,
    Optional<Wei> maxFeePerGas,
    Optional<Wei> maxPriorityFeePerGas,
    Optional<Wei> value,
    Optional<Bytes> data,
    Optional<Bytes> input,
    OptionalLong nonce,
    Optional<BigInteger> chainId,
    List<AccessListEntry> accessList) {

  /** The Go struct geth's errors name. */
  static final String STRUCT = "TransactionArgs";

  CallArguments {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(gas, "gas");
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(chainId, "chainId");
    accessList = List.copyOf(accessList);
  }

  /** Parses a call object; the reasons are geth's JSON decoding texts. */
  static HexCodec.Decoded<CallArguments> parse(JsonNode node) {
    if (!node.isObject()) {
      return new HexCodec.Decoded.Invalid<>(
          "json: cannot unmarshal "
              + RpcParams.jsonType(node)
              + " into Go value of type ethapi."
              + STRUCT);
    }
    CallObjectReader fields = new CallObjectReader(node);
    CallArguments arguments =
        new CallArguments(
            fields.address("from"),
            fields.address("to"),
            fields.uint64("gas"),
            fields.big("gasPrice"),
            fields.big("maxFeePerGas"),
            fields.big("maxPriorityFeePerGas"),
            fields.big("value"),
            fields.bytes("data"),
            fields.bytes("input"),
            fields.uint64("nonce"),
            fields.big("chainId").map(Wei::value),
            fields.accessList("accessList"));
    return fields
        .failure()
        .<HexCodec.Decoded<CallArguments>>map(HexCodec.Decoded.Invalid::new)
        .orElseGet(() -> new HexCodec.Decoded.Valid<>(arguments));
  }

  /**
   * The message to run, with geth's call defaults ({@code CallDefaults}, {@code ToMessage}): both
   * fee styles given is refused, a chain id must be this chain's, {@code data} and {@code input}
   * must agree when both are given ({@code input} wins); the gas defaults to {@code gasWhenAbsent}
   * and is capped at {@code gasCap}; a gas price {@code g} becomes fee cap = tip cap = {@code g};
   * absent fees are zero (the call then pays no gas and skips the base fee check).
   *
   * @param chain this chain's id
   * @param gasWhenAbsent the gas limit when the object has none ({@code eth_call}: the cap; {@code
   *     eth_estimateGas}: 0, meaning "search up to the block gas limit")
   * @param gasCap the highest gas limit a call may use (geth's {@code --rpc.gascap})
   */
  Param<CallMessage> toMessage(long chain, long gasWhenAbsent, long gasCap) {
    if (gasPrice.isPresent() && (maxFeePerGas.isPresent() || maxPriorityFeePerGas.isPresent())) {
      return new Param.Rejected<>(RpcError.CONFLICTING_FEE_FIELDS.failure());
    }
    if (chainId.isPresent() && !chainId.get().equals(BigInteger.valueOf(chain))) {
      return new Param.Rejected<>(RpcError.CHAIN_ID_MISMATCH.failure(chainId.get(), chain));
    }
    if (data.isPresent() && input.isPresent() && !data.get().equals(input.get())) {
      return new Param.Rejected<>(RpcError.CONFLICTING_DATA_AND_INPUT.failure());
    }
    long gasLimit = gas.orElse(gasWhenAbsent);
    if (Long.compareUnsigned(gasLimit, gasCap) > 0) {
      gasLimit = gasCap;
    }
    Wei feeCap = gasPrice.or(() -> maxFeePerGas).orElse(Wei.ZERO);
    Wei tipCap = gasPrice.or(() -> maxPriorityFeePerGas).orElse(Wei.ZERO);
    return new Param.Ok<>(
        new CallMessage(
            from.orElse(Address.ZERO),
            to,
            gasLimit,
            feeCap,
            tipCap,
            value.orElse(Wei.ZERO),
            input.or(() -> data).orElse(Bytes.EMPTY),
            accessList));
  }
}
