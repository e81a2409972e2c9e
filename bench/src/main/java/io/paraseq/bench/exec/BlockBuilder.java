package io.paraseq.bench.exec;

import io.paraseq.bench.load.Account;
import io.paraseq.bench.load.SenderKeys;
import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.program.Abi;
import io.paraseq.protocol.program.AbiEncoder;
import io.paraseq.protocol.program.Erc20Layout;
import io.paraseq.protocol.program.PairConfig;
import io.paraseq.protocol.program.ProgramGenesis;
import io.paraseq.protocol.program.TokenConfig;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.IntrinsicGas;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Builds each cell's block deterministically from a seed, with really signed transactions (signing
 * happens here, never in a measured call).
 *
 * <ul>
 *   <li>Accounts: the first {@code accounts} keys of the load generator ({@link SenderKeys}, same
 *       seed), each funded at genesis with 1,000 ETH (and, for tokens and swaps, 10^6 of each
 *       token).
 *   <li>Every transaction: a sender drawn uniformly from the accounts with its next nonce (from 0),
 *       an EIP-1559 fee cap of 2 gwei and tip of 1 gwei (base fee 1 gwei), paid to a fee recipient
 *       that is none of the accounts. As in the Block-STM paper's peer-to-peer workload, contention
 *       comes only from the account universe: 2 accounts make every transaction depend on the one
 *       before, 10,000 make few depend on any.
 *   <li>{@code eth}: a transfer of 1–10^15 wei to another account (drawn uniformly), 21,000 gas.
 *   <li>{@code erc20}: {@code transfer(to, 1–10^18)} of one native token to another account, gas
 *       limit 100,000.
 *   <li>{@code amm}: {@code swap(tokenIn, 10^15–10^18, 1, sender)} on the sender's pool, gas limit
 *       200,000. There are {@code max(1, accounts / 10)} pools, all pairs of the same two tokens
 *       (TKA/TKB, reserves 10^9 tokens each, so no swap moves the price much or reverts); account
 *       {@code j} trades on pool {@code j mod pools}, tokenIn drawn A or B. The pools share their
 *       tokens but no storage slot: a pool's balances on each token and its reserves are its own,
 *       so two swaps conflict only through a shared pool or a shared sender. Each account's
 *       allowance for its pool on both tokens is infinite at genesis (slots written into the
 *       tokens' storage, see {@link Erc20Layout#allowance}), so a swap never writes an allowance
 *       and no approval transactions are needed.
 * </ul>
 *
 * Thread-safe after construction; signing runs in parallel internally.
 */
final class BlockBuilder {

  static final ChainId CHAIN = ChainId.PARASEQ_DEFAULT;
  static final long GWEI = 1_000_000_000L;
  static final BigInteger ETH = BigInteger.TEN.pow(18);

  /** Far above the sum of any block's gas limits (10,000 swaps need 2 × 10^9). */
  static final long BLOCK_GAS_LIMIT = 1_000_000_000_000L;

  static final Address TOKEN_A = fixed(0x100);
  static final Address TOKEN_B = fixed(0x101);
  static final Address FEE_RECIPIENT = fixed(0xfee);
  static final Address LIQUIDITY_PROVIDER = fixed(0x300);

  static final long TRANSFER_GAS = 21_000;
  static final long TOKEN_GAS = 100_000;
  static final long SWAP_GAS = 200_000;

  private static final BigInteger MAX_UINT256 =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final BigInteger TOKENS_PER_ACCOUNT = ETH.multiply(BigInteger.valueOf(1_000_000));
  private static final BigInteger RESERVE = ETH.multiply(BigInteger.valueOf(1_000_000_000));
  private static final Wei ETH_PER_ACCOUNT = Wei.of(ETH.multiply(BigInteger.valueOf(1_000)));
  private static final int TRANSFER = Abi.selector("transfer(address,uint256)");
  private static final int SWAP = Abi.selector("swap(address,uint256,uint256,address)");

  private final long seed;
  private final List<Account> keys;

  /**
   * A builder for blocks of up to {@code maxAccounts} accounts.
   *
   * @param seed the seed of the keys and of every random choice
   * @param maxAccounts the largest account count asked for (its keys are derived now)
   */
  BlockBuilder(long seed, int maxAccounts) {
    this.seed = seed;
    this.keys = SenderKeys.derive(seed, maxAccounts);
  }

  /** The number of AMM pools for {@code accounts} accounts: one per ten, at least one. */
  static int pools(int accounts) {
    return Math.max(1, accounts / 10);
  }

  /** The address of pool {@code index}. */
  static Address pool(int index) {
    return fixed(0x10000 + index);
  }

  /** Account {@code index} of this builder's seed. */
  Address account(int index) {
    return keys.get(index).address();
  }

  /**
   * The block of {@code txs} transactions of {@code workload} among {@code accounts} accounts; the
   * same arguments and seed always give the same block.
   *
   * @throws IllegalArgumentException if {@code accounts} is below 2 or above the builder's maximum,
   *     or {@code txs} is negative
   */
  BenchBlock build(ExecWorkload workload, int accounts, int txs) {
    if (accounts < 2 || accounts > keys.size()) {
      throw new IllegalArgumentException(
          "accounts must be in [2, " + keys.size() + "], got " + accounts);
    }
    if (txs < 0) {
      throw new IllegalArgumentException("txs must not be negative, got " + txs);
    }
    SplittableRandom random =
        new SplittableRandom(
            seed * 1_000_003L + workload.ordinal() * 7_919L + accounts * 31L + txs);
    int pools = workload == ExecWorkload.SWAPS ? pools(accounts) : 0;
    long[] nonces = new long[accounts];
    int[] senders = new int[txs];
    DynamicFeeTransaction[] payloads = new DynamicFeeTransaction[txs];
    for (int i = 0; i < txs; i++) {
      int sender = random.nextInt(accounts);
      senders[i] = sender;
      payloads[i] = payload(workload, random, sender, nonces[sender]++, accounts, pools);
    }
    List<VerifiedTransaction> block =
        IntStream.range(0, txs)
            .parallel()
            .mapToObj(i -> sign(payloads[i], keys.get(senders[i])))
            .toList();
    GenesisAlloc alloc = genesis(workload, accounts, pools);
    BlockContext context =
        new BlockContext(1, 1_700_000_000, FEE_RECIPIENT, Wei.of(GWEI), BLOCK_GAS_LIMIT, CHAIN);
    return new BenchBlock(
        workload, accounts, pools, context, alloc, block, WorldState.genesis(alloc).view());
  }

  private DynamicFeeTransaction payload(
      ExecWorkload workload,
      SplittableRandom random,
      int sender,
      long nonce,
      int accounts,
      int pools) {
    return switch (workload) {
      case TRANSFERS ->
          tx(
              nonce,
              account(other(random, sender, accounts)),
              Wei.of(BigInteger.valueOf(random.nextLong(1, 1_000_000_000_000_001L))),
              TRANSFER_GAS,
              Bytes.EMPTY);
      case TOKENS ->
          tx(
              nonce,
              TOKEN_A,
              Wei.ZERO,
              TOKEN_GAS,
              new AbiEncoder()
                  .address(account(other(random, sender, accounts)))
                  .uint256(BigInteger.valueOf(random.nextLong(1, 1_000_000_000_000_000_001L)))
                  .encodeWithSelector(TRANSFER));
      case SWAPS ->
          tx(
              nonce,
              pool(sender % pools),
              Wei.ZERO,
              SWAP_GAS,
              new AbiEncoder()
                  .address(random.nextBoolean() ? TOKEN_A : TOKEN_B)
                  .uint256(
                      BigInteger.valueOf(
                          random.nextLong(1_000_000_000_000_000L, 1_000_000_000_000_000_001L)))
                  .uint256(BigInteger.ONE)
                  .address(account(sender))
                  .encodeWithSelector(SWAP));
    };
  }

  private static int other(SplittableRandom random, int sender, int accounts) {
    int other = random.nextInt(accounts - 1);
    return other >= sender ? other + 1 : other;
  }

  private static DynamicFeeTransaction tx(
      long nonce, Address to, Wei value, long gasLimit, Bytes data) {
    return new DynamicFeeTransaction(
        CHAIN,
        nonce,
        Wei.of(GWEI),
        Wei.of(2 * GWEI),
        gasLimit,
        Optional.of(to),
        value,
        data,
        List.of());
  }

  private static VerifiedTransaction sign(DynamicFeeTransaction payload, Account sender) {
    SignedTransaction signed = TransactionSigner.sign(payload, sender.key());
    Bytes encoded = signed.encoded();
    return new VerifiedTransaction(
        signed, encoded, Hash.keccak(encoded), sender.address(), IntrinsicGas.of(signed));
  }

  private GenesisAlloc genesis(ExecWorkload workload, int accounts, int pools) {
    Map<Address, Allocation> users = new TreeMap<>();
    Map<Address, BigInteger> tokenBalances = new HashMap<>();
    for (int j = 0; j < accounts; j++) {
      users.put(account(j), Allocation.of(ETH_PER_ACCOUNT));
      tokenBalances.put(account(j), TOKENS_PER_ACCOUNT);
    }
    GenesisAlloc base = GenesisAlloc.of(users);
    return switch (workload) {
      case TRANSFERS -> base;
      case TOKENS ->
          ProgramGenesis.withPrograms(
              base,
              List.of(TokenConfig.of(TOKEN_A, "Token A", "TKA", 18, tokenBalances)),
              List.of());
      case SWAPS -> withAllowances(swapGenesis(base, tokenBalances, pools), accounts, pools);
    };
  }

  private static GenesisAlloc swapGenesis(
      GenesisAlloc base, Map<Address, BigInteger> tokenBalances, int pools) {
    List<PairConfig> pairs = new ArrayList<>(pools);
    for (int p = 0; p < pools; p++) {
      pairs.add(new PairConfig(pool(p), TOKEN_A, TOKEN_B, RESERVE, RESERVE, LIQUIDITY_PROVIDER));
    }
    return ProgramGenesis.withPrograms(
        base,
        List.of(
            TokenConfig.of(TOKEN_A, "Token A", "TKA", 18, tokenBalances),
            TokenConfig.of(TOKEN_B, "Token B", "TKB", 18, tokenBalances)),
        pairs);
  }

  /** {@code alloc} with account j's infinite allowance for pool j mod pools on both tokens. */
  private GenesisAlloc withAllowances(GenesisAlloc alloc, int accounts, int pools) {
    Map<Address, Allocation> out = new TreeMap<>(alloc.accounts());
    for (Address token : List.of(TOKEN_A, TOKEN_B)) {
      Allocation allocation = out.get(token);
      Map<Hash, Word> storage = new TreeMap<>(allocation.storage());
      for (int j = 0; j < accounts; j++) {
        storage.put(Erc20Layout.allowance(account(j), pool(j % pools)), Word.of(MAX_UINT256));
      }
      out.put(token, allocation.withStorage(storage));
    }
    return GenesisAlloc.of(out);
  }

  /** An address outside the accounts' key space: 0xbe…, then {@code n}. */
  private static Address fixed(int n) {
    byte[] bytes = new byte[Address.LENGTH];
    bytes[0] = (byte) 0xbe;
    bytes[16] = (byte) (n >>> 24);
    bytes[17] = (byte) (n >>> 16);
    bytes[18] = (byte) (n >>> 8);
    bytes[19] = (byte) n;
    return Address.of(Bytes.of(bytes));
  }
}
