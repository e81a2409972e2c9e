package io.paraseq.protocol.chain;

import io.paraseq.protocol.program.PairConfig;
import io.paraseq.protocol.program.ProgramGenesis;
import io.paraseq.protocol.program.TokenConfig;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.types.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The devnet's default native programs: two 18-decimal tokens and a pair over them at fixed
 * addresses in the {@code 0x4200…} predeploy range (above the OP Stack's predeploys, which end
 * below {@code 0x…0100}). Each {@link DevAccounts} address holds 1,000,000 of each token; the pair
 * starts with 1,000,000 TKA and 2,000,000 TKB (1 TKA = 2 TKB), its shares held by dev account 0. A
 * node may configure other programs; these are the defaults it proposes.
 */
public final class DevnetPrograms {

  /** "Paraseq Token A" (TKA). */
  public static final Address TOKEN_A =
      Address.fromHex("0x4200000000000000000000000000000000000100");

  /** "Paraseq Token B" (TKB). */
  public static final Address TOKEN_B =
      Address.fromHex("0x4200000000000000000000000000000000000101");

  /** The TKA/TKB pair. */
  public static final Address PAIR = Address.fromHex("0x4200000000000000000000000000000000000200");

  private static final BigInteger UNIT = BigInteger.TEN.pow(18);
  private static final BigInteger PER_ACCOUNT = UNIT.multiply(BigInteger.valueOf(1_000_000));

  private DevnetPrograms() {}

  /** The two tokens, each funding every dev account. */
  public static List<TokenConfig> tokens() {
    Map<Address, BigInteger> balances = new TreeMap<>();
    DevAccounts.ADDRESSES.forEach(address -> balances.put(address, PER_ACCOUNT));
    return List.of(
        TokenConfig.of(TOKEN_A, "Paraseq Token A", "TKA", 18, balances),
        TokenConfig.of(TOKEN_B, "Paraseq Token B", "TKB", 18, balances));
  }

  /** The pair over {@link #TOKEN_A} (token0) and {@link #TOKEN_B} (token1). */
  public static List<PairConfig> pairs() {
    return List.of(
        new PairConfig(
            PAIR,
            TOKEN_A,
            TOKEN_B,
            PER_ACCOUNT,
            PER_ACCOUNT.multiply(BigInteger.TWO),
            DevAccounts.ADDRESSES.getFirst()));
  }

  /** The dev accounts and these programs: a complete devnet genesis allocation. */
  public static GenesisAlloc alloc() {
    return ProgramGenesis.withPrograms(DevAccounts.alloc(), tokens(), pairs());
  }
}
