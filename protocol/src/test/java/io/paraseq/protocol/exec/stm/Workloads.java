package io.paraseq.protocol.exec.stm;

import static io.paraseq.protocol.exec.Txs.CHAIN;
import static io.paraseq.protocol.exec.Txs.ETH;
import static io.paraseq.protocol.exec.Txs.GWEI;
import static io.paraseq.protocol.exec.Txs.address;

import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.exec.Txs;
import io.paraseq.protocol.fee.L1DataFee;
import io.paraseq.protocol.program.Abi;
import io.paraseq.protocol.program.AbiEncoder;
import io.paraseq.protocol.program.PairConfig;
import io.paraseq.protocol.program.ProgramGenesis;
import io.paraseq.protocol.program.TokenConfig;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * Random blocks for the Block-STM properties: transfers among 2 to 10,000 accounts, same-sender
 * nonce chains (with gaps and stale nonces), senders that cannot pay, the fee recipient as sender
 * and recipient, deposits, zero fees, and blocks from empty to a few thousand transactions. Half
 * the workloads also have two ERC-20 tokens and their AMM pair (native programs): token transfers,
 * approvals and swaps (one hot pool), some of which revert (balance, allowance, minimum out), run
 * out of gas or send value to a program.
 */
final class Workloads {

  /** Far above any generated block's gas limits, so every block fits. */
  static final long GAS_LIMIT = 1_000_000_000_000L;

  private static final int[] ACCOUNTS = {2, 3, 10, 50, 200, 1_000, 10_000};

  static final Address TOKEN_A = address(0x100);
  static final Address TOKEN_B = address(0x101);
  static final Address PAIR = address(0x200);
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final BigInteger RESERVE = ETH.multiply(BigInteger.valueOf(1_000_000));

  private Workloads() {}

  /**
   * A block and the state it runs on.
   *
   * @param alloc the genesis: the funded senders
   * @param context the block's context
   * @param block the ordered candidates
   * @param accounts how many addresses the transfers used
   */
  record Workload(
      GenesisAlloc alloc, BlockContext context, List<VerifiedTransaction> block, int accounts) {

    @Override
    public String toString() {
      return "Workload[txs="
          + block.size()
          + ", accounts="
          + accounts
          + ", funded="
          + alloc.accounts().size()
          + ", feeRecipient="
          + context.feeRecipient()
          + ", baseFee="
          + context.baseFee().value()
          + ", l1BaseFee="
          + context.l1BaseFee().value()
          + ", l1FeeScalar="
          + context.l1FeeScalar()
          + ", programs="
          + alloc.accounts().containsKey(PAIR)
          + "]";
    }
  }

  /**
   * L1 base fees of random workloads: none, tiny, 1 gwei (fees of about 10^12 wei), and 10^13 wei
   * (about 0.01 ETH per transaction, which prices out the poorer senders).
   */
  private static final List<Long> L1_BASE_FEES = List.of(0L, 0L, 7L, GWEI, 10_000_000_000_000L);

  /** L1 fee scalars of random workloads, parts per million. */
  private static final List<Long> L1_FEE_SCALARS =
      List.of(L1DataFee.SCALAR_ONE, L1DataFee.SCALAR_ONE, 1_500_000L, 1L, 0L);

  /** A random workload with up to {@code maxTransactions} candidates. */
  static Workload random(Random random, int maxTransactions) {
    int accounts = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
    int size = blockSize(random, maxTransactions);
    boolean programs = random.nextBoolean();
    long baseFee = List.of(0L, 7L, GWEI).get(random.nextInt(3));
    Address feeRecipient =
        switch (random.nextInt(4)) {
          case 0 -> account(random.nextInt(accounts)); // a sender or recipient
          case 1 -> address(0xfee); // fresh and, with zero fees, left empty
          default -> address(0xfee + 1 + random.nextInt(2));
        };
    BlockContext context =
        new BlockContext(
            7,
            1_700_000_000,
            feeRecipient,
            Wei.of(baseFee),
            GAS_LIMIT,
            CHAIN,
            Wei.of(L1_BASE_FEES.get(random.nextInt(L1_BASE_FEES.size()))),
            L1_FEE_SCALARS.get(random.nextInt(L1_FEE_SCALARS.size())));
    Map<Address, Allocation> alloc = new TreeMap<>();
    Map<Address, Long> nextNonce = new HashMap<>();
    // a few hot senders make long nonce chains; the rest send now and then
    int hot = 1 + random.nextInt(Math.min(accounts, 4));
    List<VerifiedTransaction> block = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Address sender =
          random.nextInt(3) == 0 ? account(random.nextInt(hot)) : account(random.nextInt(accounts));
      alloc.computeIfAbsent(sender, s -> genesis(random));
      if (feeRecipient.equals(address(0xfee + 1)) && !alloc.containsKey(feeRecipient)) {
        alloc.put(feeRecipient, Allocation.of(Wei.of(ETH)));
      }
      long expected = nextNonce.getOrDefault(sender, alloc.get(sender).nonce());
      block.add(
          programs && random.nextInt(3) > 0
              ? programCall(random, sender, expected, accounts, baseFee)
              : transaction(random, i, sender, expected, accounts, feeRecipient, baseFee));
      nextNonce.put(sender, expected + 1);
    }
    if (random.nextInt(8) == 0) {
      alloc.putIfAbsent(feeRecipient, Allocation.of(Wei.of(random.nextInt(3))));
    }
    GenesisAlloc genesis = GenesisAlloc.of(alloc);
    if (programs) {
      genesis = withPrograms(random, genesis);
    }
    return new Workload(genesis, context, block, accounts);
  }

  /**
   * A hot AMM pool: {@code senders} senders each approve the pair and swap token A for B through
   * it, every swap reading and writing the pair's reserves.
   */
  static Workload hotPool(int senders) {
    Map<Address, Allocation> alloc = new TreeMap<>();
    Map<Address, BigInteger> a = new TreeMap<>();
    List<VerifiedTransaction> block = new ArrayList<>();
    long feeCap = 2 * GWEI;
    for (int i = 0; i < senders; i++) {
      Address sender = account(i);
      alloc.put(sender, Allocation.of(Wei.of(ETH)));
      a.put(sender, ETH.multiply(BigInteger.valueOf(100)));
      block.add(call(sender, 0, TOKEN_A, approve(PAIR, MAX), 100_000, feeCap));
      block.add(call(sender, 1, PAIR, swap(TOKEN_A, ETH, BigInteger.ONE, sender), 200_000, feeCap));
    }
    GenesisAlloc genesis =
        ProgramGenesis.withPrograms(
            GenesisAlloc.of(alloc),
            List.of(
                TokenConfig.of(TOKEN_A, "Token A", "TKA", 18, a),
                TokenConfig.of(TOKEN_B, "Token B", "TKB", 18, Map.of())),
            List.of(
                new PairConfig(
                    PAIR,
                    TOKEN_A,
                    TOKEN_B,
                    RESERVE,
                    RESERVE.multiply(BigInteger.TWO),
                    address(0x300))));
    BlockContext context =
        new BlockContext(7, 1_700_000_000, address(0xfee), Wei.of(GWEI), GAS_LIMIT, CHAIN);
    return new Workload(genesis, context, block, senders);
  }

  /** The two tokens (some senders hold some of each) and their pair. */
  private static GenesisAlloc withPrograms(Random random, GenesisAlloc users) {
    Map<Address, BigInteger> a = new TreeMap<>();
    Map<Address, BigInteger> b = new TreeMap<>();
    for (Address user : users.accounts().keySet()) {
      if (random.nextInt(4) > 0) {
        a.put(user, ETH.multiply(BigInteger.valueOf(random.nextInt(1_000))));
        b.put(user, ETH.multiply(BigInteger.valueOf(random.nextInt(1_000))));
      }
    }
    return ProgramGenesis.withPrograms(
        users,
        List.of(
            TokenConfig.of(TOKEN_A, "Token A", "TKA", 18, a),
            TokenConfig.of(TOKEN_B, "Token B", "TKB", 18, b)),
        List.of(
            new PairConfig(
                PAIR,
                TOKEN_A,
                TOKEN_B,
                RESERVE,
                RESERVE.multiply(BigInteger.TWO),
                address(0x300))));
  }

  /** A token transfer, an approval of the pair, or a swap; some fail. */
  private static VerifiedTransaction programCall(
      Random random, Address sender, long nonce, int accounts, long baseFee) {
    Address token = random.nextBoolean() ? TOKEN_A : TOKEN_B;
    BigInteger amount =
        switch (random.nextInt(5)) {
          case 0 -> BigInteger.ZERO;
          case 1 -> ETH.multiply(BigInteger.valueOf(5_000)); // more than anyone holds
          default -> ETH.multiply(BigInteger.valueOf(random.nextInt(20))).add(BigInteger.ONE);
        };
    Address to = account(random.nextInt(accounts));
    long feeCap = baseFee + GWEI;
    return switch (random.nextInt(10)) {
      case 0, 1, 2 -> call(sender, nonce, token, transfer(to, amount), 100_000, feeCap);
      case 3 ->
          call(
              sender,
              nonce,
              token,
              approve(PAIR, random.nextBoolean() ? MAX : amount),
              100_000,
              feeCap);
      case 4 -> call(sender, nonce, token, transfer(to, amount), 25_000, feeCap); // out of gas
      case 5 ->
          Txs.eip1559(
              sender, nonce, token, BigInteger.ONE, feeCap, GWEI, 100_000, transfer(to, amount));
      default -> {
        BigInteger minOut =
            random.nextInt(4) == 0 ? amount.multiply(BigInteger.TEN) : BigInteger.ZERO;
        Address recipient = random.nextBoolean() ? sender : to;
        yield call(sender, nonce, PAIR, swap(token, amount, minOut, recipient), 200_000, feeCap);
      }
    };
  }

  private static VerifiedTransaction call(
      Address sender, long nonce, Address program, Bytes data, long gasLimit, long feeCap) {
    return Txs.eip1559(sender, nonce, program, BigInteger.ZERO, feeCap, GWEI, gasLimit, data);
  }

  private static Bytes transfer(Address to, BigInteger amount) {
    return encode("transfer(address,uint256)", new AbiEncoder().address(to).uint256(amount));
  }

  private static Bytes approve(Address spender, BigInteger amount) {
    return encode("approve(address,uint256)", new AbiEncoder().address(spender).uint256(amount));
  }

  private static Bytes swap(Address tokenIn, BigInteger in, BigInteger minOut, Address to) {
    return encode(
        "swap(address,uint256,uint256,address)",
        new AbiEncoder().address(tokenIn).uint256(in).uint256(minOut).address(to));
  }

  private static Bytes encode(String signature, AbiEncoder args) {
    return args.encodeWithSelector(Abi.selector(signature));
  }

  /** The {@code n}th address of the workload's universe. */
  static Address account(int n) {
    return address(0x10000 + n);
  }

  private static int blockSize(Random random, int max) {
    int roll = random.nextInt(100);
    int size;
    if (roll < 5) {
      size = random.nextInt(3);
    } else if (roll < 70) {
      size = random.nextInt(80);
    } else if (roll < 95) {
      size = 80 + random.nextInt(500);
    } else {
      size = 500 + random.nextInt(2_500);
    }
    return Math.min(size, max);
  }

  private static Allocation genesis(Random random) {
    BigInteger balance =
        switch (random.nextInt(10)) {
          case 0 -> BigInteger.ZERO;
          case 1 -> BigInteger.valueOf(30_000L * GWEI); // a couple of transfers at most
          default -> ETH.multiply(BigInteger.valueOf(1 + random.nextInt(1_000)));
        };
    return Allocation.of(Wei.of(balance)).withNonce(random.nextInt(3));
  }

  private static VerifiedTransaction transaction(
      Random random,
      int index,
      Address sender,
      long expectedNonce,
      int accounts,
      Address feeRecipient,
      long baseFee) {
    Address to =
        switch (random.nextInt(12)) {
          case 0 -> feeRecipient;
          case 1 -> sender;
          case 2 -> random.nextInt(4) == 0 ? PAIR : account(random.nextInt(accounts));
          default -> account(random.nextInt(accounts));
        };
    long nonce =
        switch (random.nextInt(20)) {
          case 0 -> expectedNonce + 1 + random.nextInt(2); // a gap
          case 1 -> Math.max(0, expectedNonce - 1); // stale
          default -> expectedNonce;
        };
    BigInteger value =
        switch (random.nextInt(6)) {
          case 0 -> BigInteger.ZERO;
          case 1 -> ETH.multiply(BigInteger.valueOf(2_000)); // more than anyone has
          default -> BigInteger.valueOf(random.nextLong(1, 1_000_000_000_000_000L));
        };
    long tip = List.of(0L, 1L, GWEI).get(random.nextInt(3));
    long feeCap = random.nextInt(15) == 0 ? baseFee / 2 : baseFee + tip + random.nextInt(2);
    return switch (random.nextInt(20)) {
      case 0 -> {
        Address from = random.nextBoolean() ? sender : account(random.nextInt(accounts));
        BigInteger mint = random.nextBoolean() ? BigInteger.ZERO : ETH;
        yield Txs.deposit(index, from, to, mint, value.min(ETH));
      }
      case 1 ->
          Txs.legacy(
              sender,
              nonce,
              Optional.of(to),
              value,
              feeCap,
              21_000,
              Bytes.EMPTY,
              random.nextInt(10) == 0 ? Optional.of(ChainId.MAINNET) : Optional.of(CHAIN));
      case 2 -> Txs.accessList(sender, nonce, to, value, feeCap, CHAIN);
      default ->
          Txs.eip1559(
              sender,
              nonce,
              to,
              value,
              feeCap,
              tip,
              random.nextInt(4) == 0 ? 30_000 : 21_000,
              random.nextInt(4) == 0 ? Bytes.fromHex("0x00ff") : Bytes.EMPTY);
    };
  }
}
