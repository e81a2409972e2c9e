package io.paraseq.protocol.program;

import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.state.StateKey.StorageKey;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.tx.AccessListEntry;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Program accounts made by {@link ProgramGenesis} with their storage in a map, and calls into them
 * through {@link NativePrograms#execute} that apply the writes on success, as the executor does.
 */
final class ProgramWorld {

  static final long TIMESTAMP = 1_700_000_123L;
  static final long GAS = 10_000_000;

  private final Map<Address, Hash> codeHashes = new HashMap<>();
  private final Map<StorageKey, Word> storage = new TreeMap<>();

  ProgramWorld(List<TokenConfig> tokens, List<PairConfig> pairs) {
    Map<Address, Allocation> accounts = ProgramGenesis.allocations(tokens, pairs);
    accounts.forEach(
        (address, allocation) -> {
          codeHashes.put(address, allocation.codeHash());
          allocation
              .storage()
              .forEach((slot, value) -> storage.put(new StorageKey(address, slot), value));
        });
  }

  ProgramResult call(Address caller, Address program, Bytes data) {
    return call(caller, program, data, GAS, Wei.ZERO, List.of());
  }

  ProgramResult call(
      Address caller,
      Address program,
      Bytes data,
      long gas,
      Wei value,
      List<AccessListEntry> accessList) {
    ProgramResult result =
        NativePrograms.execute(
            new ProgramCall(
                program, codeHashes.get(program), caller, value, data, gas, TIMESTAMP, accessList),
            this::slot);
    if (result instanceof ProgramResult.Returned returned) {
      storage.putAll(returned.writes());
    }
    return result;
  }

  /** The return data of a call that must return. */
  Bytes returned(Address caller, Address program, Bytes data) {
    ProgramResult result = call(caller, program, data);
    if (result instanceof ProgramResult.Returned returned) {
      return returned.returnData();
    }
    throw new AssertionError("call did not return: " + result);
  }

  BigInteger uint(Address caller, Address program, Bytes data) {
    return AbiDecoder.of(returned(caller, program, data), 1).uint256(0);
  }

  Word slot(Address address, Hash slot) {
    return storage.getOrDefault(new StorageKey(address, slot), Word.ZERO);
  }

  Hash codeHash(Address address) {
    return codeHashes.get(address);
  }

  static Address address(int n) {
    byte[] bytes = new byte[Address.LENGTH];
    bytes[0] = (byte) 0xbb;
    bytes[18] = (byte) (n >>> 8);
    bytes[19] = (byte) n;
    return Address.of(Bytes.of(bytes));
  }

  static Bytes encode(String signature, AbiEncoder args) {
    return args.encodeWithSelector(Abi.selector(signature));
  }

  static Bytes encode(String signature) {
    return encode(signature, new AbiEncoder());
  }
}
