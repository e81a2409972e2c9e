package io.paraseq.sequencer.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.paraseq.contracts.generated.IParaseqPair;
import io.paraseq.contracts.generated.IParaseqToken;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.contracts.testing.DevAccounts;
import io.paraseq.db.testing.PostgresFixture;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.chain.DevnetPrograms;
import io.paraseq.protocol.program.Erc20Layout;
import io.paraseq.protocol.program.PairLayout;
import io.paraseq.protocol.program.ProgramKind;
import io.paraseq.protocol.rlp.Rlp;
import io.paraseq.protocol.rlp.RlpString;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.StateView;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.trie.ParallelHashing;
import io.paraseq.protocol.trie.ProofResult;
import io.paraseq.protocol.trie.ProofVerifier;
import io.paraseq.protocol.tx.IntrinsicGas;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.chain.ChainHead;
import io.paraseq.sequencer.store.ChainStore;
import io.paraseq.sequencer.store.StoredState;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The devnet's native programs through JSON-RPC from a real client, on the real application (fresh
 * PostgreSQL schema, anvil as L1, blocks every 100 ms, the default genesis: ten dev accounts,
 * tokens TKA and TKB and their pair). web3j {@code Contract} wrappers generated from the programs'
 * Solidity interfaces ({@code contracts/IParaseqToken.sol}, {@code IParaseqPair.sol}) are loaded at
 * the fixed addresses — nothing is deployed — and used unchanged: views by {@code eth_call},
 * transactions signed as EIP-1559 and sent with {@code eth_sendRawTransaction}, events read from
 * receipts and {@code eth_getLogs}. Balances are checked to the unit (tokens) and to the wei (ETH,
 * fees from the receipts), gas against the documented schedule and {@code eth_estimateGas}. The
 * tests tell one story (genesis reads, token moves, AMM, reverts) and run in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NativeProgramsIT {

  @RegisterExtension static final PostgresFixture db = PostgresFixture.freshSchema();
  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  private static final long CHAIN_ID = 3195;
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final BigInteger UNIT = BigInteger.TEN.pow(18);
  private static final BigInteger MILLION = UNIT.multiply(BigInteger.valueOf(1_000_000));
  private static final BigInteger DEV_ETH = BigInteger.TEN.pow(22);
  private static final BigInteger MAX_UINT256 =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final String TKA = DevnetPrograms.TOKEN_A.toString();
  private static final String TKB = DevnetPrograms.TOKEN_B.toString();
  private static final String PAIR = DevnetPrograms.PAIR.toString();
  private static final String FRESH = "0x00000000000000000000000000000000000F4e54";
  private static final String TRANSFER_TOPIC = EventEncoder.encode(IParaseqToken.TRANSFER_EVENT);
  private static final String APPROVAL_TOPIC = EventEncoder.encode(IParaseqToken.APPROVAL_EVENT);
  private static final String SWAP_TOPIC = EventEncoder.encode(IParaseqPair.SWAP_EVENT);
  private static final String SYNC_TOPIC = EventEncoder.encode(IParaseqPair.SYNC_EVENT);

  /** Program gas of the documented examples (docs/native-programs.md, "Gas"). */
  private static final long TRANSFER_TO_HOLDER = 12_840;

  private static final long TRANSFER_TO_FRESH = 29_940;
  private static final long SWAP = 49_950;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("paraseq.db.schema", db::schema);
    registry.add("paraseq.l1.rpc-url", anvil::rpcUrl);
    registry.add("paraseq.l1.chain-id", () -> AnvilFixture.CHAIN_ID);
    registry.add("paraseq.producer.block-interval", () -> "100ms");
  }

  @LocalServerPort int port;
  @Autowired ChainHead head;
  @Autowired ChainStore store;

  private Web3j web3j;
  private RpcClient rpc;

  @BeforeEach
  void clients() {
    web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
    rpc = new RpcClient(port);
  }

  @AfterEach
  void close() {
    web3j.shutdown();
    rpc.close();
  }

  @Test
  @Order(1)
  void deployFreeCallsReadTheGenesisPrograms() throws Exception {
    Credentials reader = DevAccounts.credentials(9);
    IParaseqToken tokenA = token(TKA, reader);
    IParaseqToken tokenB = token(TKB, reader);
    IParaseqPair pair = pair(reader);

    assertThat(tokenA.name().send()).isEqualTo("Paraseq Token A");
    assertThat(tokenA.symbol().send()).isEqualTo("TKA");
    assertThat(tokenA.decimals().send()).isEqualTo(BigInteger.valueOf(18));
    assertThat(tokenB.name().send()).isEqualTo("Paraseq Token B");
    assertThat(tokenB.symbol().send()).isEqualTo("TKB");
    // Ten dev accounts with 1M each, and the pair's reserve.
    assertThat(tokenA.totalSupply().send()).isEqualTo(MILLION.multiply(BigInteger.valueOf(11)));
    assertThat(tokenB.totalSupply().send()).isEqualTo(MILLION.multiply(BigInteger.valueOf(12)));
    assertThat(tokenA.balanceOf(reader.getAddress()).send()).isEqualTo(MILLION);
    assertThat(tokenB.balanceOf(PAIR).send()).isEqualTo(MILLION.shiftLeft(1));
    assertThat(tokenA.allowance(reader.getAddress(), PAIR).send()).isZero();

    assertThat(pair.token0().send()).isEqualToIgnoringCase(TKA);
    assertThat(pair.token1().send()).isEqualToIgnoringCase(TKB);
    var reserves = pair.getReserves().send();
    assertThat(reserves.component1()).isEqualTo(MILLION);
    assertThat(reserves.component2()).isEqualTo(MILLION.shiftLeft(1));
    assertThat(reserves.component3()).isZero();
    BigInteger shares = MILLION.multiply(MILLION.shiftLeft(1)).sqrt();
    assertThat(pair.totalSupply().send()).isEqualTo(shares);
    assertThat(pair.balanceOf(DevAccounts.credentials(0).getAddress()).send())
        .isEqualTo(shares.subtract(BigInteger.valueOf(1000)));
    assertThat(pair.getAmountOut(TKA, UNIT).send())
        .isEqualTo(amountOut(UNIT, MILLION, MILLION.shiftLeft(1)));

    // Code: the programs' fixed bytes; an account without code has none.
    assertThat(web3j.ethGetCode(TKA, DefaultBlockParameterName.LATEST).send().getCode())
        .isEqualTo(ProgramKind.ERC20.code().toHex());
    assertThat(web3j.ethGetCode(PAIR, DefaultBlockParameterName.PENDING).send().getCode())
        .isEqualTo(ProgramKind.AMM_PAIR.code().toHex());
    assertThat(
            web3j
                .ethGetCode(reader.getAddress(), DefaultBlockParameterName.LATEST)
                .send()
                .getCode())
        .isEqualTo("0x");

    // Storage: solc's layout.
    Address holder = Address.fromHex(reader.getAddress());
    assertThat(storageAt(TKA, Erc20Layout.balance(holder))).isEqualTo(MILLION);
    assertThat(storageAt(TKA, Erc20Layout.TOTAL_SUPPLY))
        .isEqualTo(MILLION.multiply(BigInteger.valueOf(11)));
    assertThat(storageAt(PAIR, PairLayout.RESERVES))
        .isEqualTo(MILLION.shiftLeft(1).shiftLeft(112).or(MILLION));
  }

  @Test
  @Order(2)
  void aProofOfATokenBalanceSlotVerifiesAgainstTheStateRoot() {
    Address holder = Address.fromHex(DevAccounts.credentials(9).getAddress());
    Hash slot = Erc20Layout.balance(holder);
    BlockHeader header;
    JsonNode reply;
    int attempts = 0;
    do { // asked by number: if a block comes in between, that is history
      header = head.current();
      reply =
          rpc.call(
              "eth_getProof",
              "[\""
                  + TKA
                  + "\", [\""
                  + slot
                  + "\"], \""
                  + HexCodec.quantity(header.number())
                  + "\"]");
    } while (reply.has("error") && ++attempts < 5);
    assertThat(reply.has("error")).as("%s", reply).isFalse();
    JsonNode proof = reply.path("result");
    assertThat(proof.path("codeHash").asString())
        .isEqualTo(ProgramKind.ERC20.codeHash().toString());

    ProofResult accountProof =
        ProofVerifier.verifySecure(
            header.stateRoot(), DevnetPrograms.TOKEN_A.bytes(), nodes(proof.path("accountProof")));
    assertThat(accountProof).isInstanceOf(ProofResult.Found.class);
    Account account = Account.decode(((ProofResult.Found) accountProof).value());
    assertThat(account.codeHash()).isEqualTo(ProgramKind.ERC20.codeHash());
    assertThat(account.storageRoot().toString()).isEqualTo(proof.path("storageHash").asString());

    JsonNode storage = proof.path("storageProof").get(0);
    assertThat(storage.path("value").asString()).isEqualTo(HexCodec.quantity(MILLION));
    ProofResult slotProof =
        ProofVerifier.verifySecure(
            account.storageRoot(), slot.bytes(), nodes(storage.path("proof")));
    assertThat(slotProof).isInstanceOf(ProofResult.Found.class);
    RlpString value = (RlpString) Rlp.decode(((ProofResult.Found) slotProof).value());
    assertThat(value.asInteger(256)).isEqualTo(MILLION);
  }

  @Test
  @Order(3)
  void transferApproveAndTransferFromWithEventsInReceiptsAndLogs() throws Exception {
    Credentials owner = DevAccounts.credentials(1);
    Credentials spender = DevAccounts.credentials(2);
    IParaseqToken asOwner = token(TKA, owner);
    IParaseqToken asSpender = token(TKA, spender);
    BigInteger five = UNIT.multiply(BigInteger.valueOf(5));
    BigInteger ten = UNIT.multiply(BigInteger.TEN);
    BigInteger four = UNIT.multiply(BigInteger.valueOf(4));

    // transfer to a fresh holder: the estimate is exact, and the documented gas.
    String transferData = encode(IParaseqToken.FUNC_TRANSFER, FRESH, five);
    BigInteger estimate = estimate(owner.getAddress(), TKA, transferData);
    assertThat(estimate).isEqualTo(gas(transferData, TRANSFER_TO_FRESH));
    TransactionReceipt transfer = asOwner.transfer(FRESH, five).send();
    assertThat(transfer.isStatusOK()).isTrue();
    assertThat(transfer.getGasUsed()).isEqualTo(estimate);
    List<IParaseqToken.TransferEventResponse> transfers = IParaseqToken.getTransferEvents(transfer);
    assertThat(transfers).hasSize(1);
    assertThat(transfers.getFirst().from).isEqualToIgnoringCase(owner.getAddress());
    assertThat(transfers.getFirst().to).isEqualToIgnoringCase(FRESH);
    assertThat(transfers.getFirst().value).isEqualTo(five);
    assertThat(transfer.getLogs().getFirst().getAddress()).isEqualToIgnoringCase(TKA);

    // approve, then the spender pulls with transferFrom (to itself, an existing holder).
    TransactionReceipt approve = asOwner.approve(spender.getAddress(), ten).send();
    List<IParaseqToken.ApprovalEventResponse> approvals = IParaseqToken.getApprovalEvents(approve);
    assertThat(approvals).hasSize(1);
    assertThat(approvals.getFirst().owner).isEqualToIgnoringCase(owner.getAddress());
    assertThat(approvals.getFirst().spender).isEqualToIgnoringCase(spender.getAddress());
    assertThat(approvals.getFirst().value).isEqualTo(ten);
    assertThat(asSpender.allowance(owner.getAddress(), spender.getAddress()).send()).isEqualTo(ten);
    TransactionReceipt pulled =
        asSpender.transferFrom(owner.getAddress(), spender.getAddress(), four).send();
    assertThat(IParaseqToken.getTransferEvents(pulled))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.from).isEqualToIgnoringCase(owner.getAddress());
              assertThat(e.to).isEqualToIgnoringCase(spender.getAddress());
              assertThat(e.value).isEqualTo(four);
            });
    assertThat(asSpender.allowance(owner.getAddress(), spender.getAddress()).send())
        .isEqualTo(ten.subtract(four));

    // transfer to an existing holder: the documented gas.
    String toHolderData = encode(IParaseqToken.FUNC_TRANSFER, spender.getAddress(), UNIT);
    TransactionReceipt toHolder = asOwner.transfer(spender.getAddress(), UNIT).send();
    assertThat(toHolder.getGasUsed()).isEqualTo(gas(toHolderData, TRANSFER_TO_HOLDER));

    // Token balances to the unit; ETH to the wei: the fees of the owner's three transactions.
    assertThat(asOwner.balanceOf(owner.getAddress()).send())
        .isEqualTo(MILLION.subtract(five).subtract(four).subtract(UNIT));
    assertThat(asOwner.balanceOf(spender.getAddress()).send())
        .isEqualTo(MILLION.add(four).add(UNIT));
    assertThat(asOwner.balanceOf(FRESH).send()).isEqualTo(five);
    assertThat(ethBalance(owner.getAddress()))
        .isEqualTo(DEV_ETH.subtract(fees(transfer, approve, toHolder)));
    assertThat(ethBalance(spender.getAddress())).isEqualTo(DEV_ETH.subtract(fees(pulled)));

    // eth_getLogs: by address and topics.
    BigInteger from = transfer.getBlockNumber();
    BigInteger to = toHolder.getBlockNumber();
    List<Log> fromOwner = logs(from, to, TKA, TRANSFER_TOPIC, topicOf(owner.getAddress()));
    assertThat(fromOwner)
        .extracting(Log::getTransactionHash)
        .containsExactly(
            transfer.getTransactionHash(),
            pulled.getTransactionHash(),
            toHolder.getTransactionHash());
    assertThat(IParaseqToken.getTransferEventFromLog(fromOwner.get(1)).value).isEqualTo(four);
    assertThat(logs(from, to, TKA, APPROVAL_TOPIC, topicOf(owner.getAddress())))
        .extracting(Log::getTransactionHash)
        .containsExactly(approve.getTransactionHash());
    assertThat(logs(from, to, TKB, TRANSFER_TOPIC, null)).isEmpty();

    // The REST view of the transaction carries the same log.
    JsonNode view = restTransaction(transfer.getTransactionHash());
    JsonNode log = view.at("/receipt/logs/0");
    assertThat(view.at("/receipt/status").asString()).isEqualTo("success");
    assertThat(log.path("address").asString()).isEqualTo(TKA);
    assertThat(log.at("/topics/0").asString()).isEqualTo(TRANSFER_TOPIC);
    assertThat(log.path("data").asString())
        .isEqualTo(Numeric.toHexStringWithPrefixZeroPadded(five, 64));
  }

  @Test
  @Order(4)
  void swapAndAddAndRemoveLiquidity() throws Exception {
    Credentials trader = DevAccounts.credentials(3);
    String me = trader.getAddress();
    IParaseqToken tokenA = token(TKA, trader);
    IParaseqToken tokenB = token(TKB, trader);
    IParaseqPair pair = pair(trader);
    var before = pair.getReserves().send();
    BigInteger reserve0 = before.component1();
    BigInteger reserve1 = before.component2();
    BigInteger amountIn = UNIT.multiply(BigInteger.TEN);
    BigInteger expectedOut = amountOut(amountIn, reserve0, reserve1);
    assertThat(pair.getAmountOut(TKA, amountIn).send()).isEqualTo(expectedOut);

    TransactionReceipt approveA = tokenA.approve(PAIR, amountIn.shiftLeft(1)).send();
    String swapData = encode(IParaseqPair.FUNC_SWAP, TKA, amountIn, expectedOut, me);
    BigInteger estimate = estimate(me, PAIR, swapData);
    TransactionReceipt swap = pair.swap(TKA, amountIn, expectedOut, me).send();
    assertThat(swap.isStatusOK()).isTrue();
    assertThat(swap.getGasUsed()).isEqualTo(estimate).isEqualTo(gas(swapData, SWAP));
    // Events in order: token-in Transfer, token-out Transfer (from the tokens' addresses), Sync,
    // Swap.
    assertThat(swap.getLogs())
        .extracting(Log::getAddress)
        .extracting(String::toLowerCase)
        .containsExactly(
            TKA.toLowerCase(), TKB.toLowerCase(), PAIR.toLowerCase(), PAIR.toLowerCase());
    IParaseqPair.SwapEventResponse swapped = IParaseqPair.getSwapEvents(swap).getFirst();
    assertThat(swapped.sender).isEqualToIgnoringCase(me);
    assertThat(swapped.to).isEqualToIgnoringCase(me);
    assertThat(swapped.amount0In).isEqualTo(amountIn);
    assertThat(swapped.amount1In).isZero();
    assertThat(swapped.amount0Out).isZero();
    assertThat(swapped.amount1Out).isEqualTo(expectedOut);
    IParaseqPair.SyncEventResponse sync = IParaseqPair.getSyncEvents(swap).getFirst();
    reserve0 = reserve0.add(amountIn);
    reserve1 = reserve1.subtract(expectedOut);
    assertThat(sync.reserve0).isEqualTo(reserve0);
    assertThat(sync.reserve1).isEqualTo(reserve1);
    var afterSwap = pair.getReserves().send();
    assertThat(afterSwap.component1()).isEqualTo(reserve0);
    assertThat(afterSwap.component2()).isEqualTo(reserve1);
    assertThat(afterSwap.component3()).isEqualTo(blockTimestamp(swap));
    assertThat(tokenA.balanceOf(me).send()).isEqualTo(MILLION.subtract(amountIn));
    assertThat(tokenB.balanceOf(me).send()).isEqualTo(MILLION.add(expectedOut));
    assertThat(tokenA.allowance(me, PAIR).send()).isEqualTo(amountIn);

    // addLiquidity at the current price: amount1 follows amount0.
    TransactionReceipt approveB = tokenB.approve(PAIR, MAX_UINT256).send();
    BigInteger total = pair.totalSupply().send();
    BigInteger add0 = amountIn;
    BigInteger add1 = add0.multiply(reserve1).divide(reserve0);
    BigInteger minted =
        add0.multiply(total).divide(reserve0).min(add1.multiply(total).divide(reserve1));
    TransactionReceipt add =
        pair.addLiquidity(add0, add1.add(UNIT), BigInteger.ZERO, BigInteger.ZERO, me).send();
    IParaseqPair.MintEventResponse mint = IParaseqPair.getMintEvents(add).getFirst();
    assertThat(mint.sender).isEqualToIgnoringCase(me);
    assertThat(mint.amount0).isEqualTo(add0);
    assertThat(mint.amount1).isEqualTo(add1);
    assertThat(IParaseqPair.getTransferEvents(add))
        .filteredOn(e -> e.log.getAddress().equalsIgnoreCase(PAIR))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.from).isEqualTo("0x0000000000000000000000000000000000000000");
              assertThat(e.to).isEqualToIgnoringCase(me);
              assertThat(e.value).isEqualTo(minted);
            });
    assertThat(pair.balanceOf(me).send()).isEqualTo(minted);
    reserve0 = reserve0.add(add0);
    reserve1 = reserve1.add(add1);
    total = total.add(minted);
    // The infinite allowance on TKB is not decreased.
    assertThat(tokenB.allowance(me, PAIR).send()).isEqualTo(MAX_UINT256);

    // removeLiquidity of everything added: pro rata, rounded down.
    BigInteger out0 = minted.multiply(reserve0).divide(total);
    BigInteger out1 = minted.multiply(reserve1).divide(total);
    TransactionReceipt remove =
        pair.removeLiquidity(minted, BigInteger.ZERO, BigInteger.ZERO, me).send();
    IParaseqPair.BurnEventResponse burn = IParaseqPair.getBurnEvents(remove).getFirst();
    assertThat(burn.sender).isEqualToIgnoringCase(me);
    assertThat(burn.to).isEqualToIgnoringCase(me);
    assertThat(burn.amount0).isEqualTo(out0);
    assertThat(burn.amount1).isEqualTo(out1);
    assertThat(pair.balanceOf(me).send()).isZero();
    reserve0 = reserve0.subtract(out0);
    reserve1 = reserve1.subtract(out1);
    var afterRemove = pair.getReserves().send();
    assertThat(afterRemove.component1()).isEqualTo(reserve0);
    assertThat(afterRemove.component2()).isEqualTo(reserve1);
    assertThat(tokenA.balanceOf(me).send())
        .isEqualTo(MILLION.subtract(amountIn).subtract(add0).add(out0));
    assertThat(tokenB.balanceOf(me).send())
        .isEqualTo(MILLION.add(expectedOut).subtract(add1).add(out1));
    assertThat(tokenA.balanceOf(PAIR).send()).isEqualTo(reserve0);
    assertThat(tokenB.balanceOf(PAIR).send()).isEqualTo(reserve1);
    assertThat(ethBalance(me))
        .isEqualTo(DEV_ETH.subtract(fees(approveA, swap, approveB, add, remove)));

    // eth_getLogs on the pair: one Swap; a Sync for each of the three changes.
    BigInteger from = swap.getBlockNumber();
    BigInteger to = remove.getBlockNumber();
    List<Log> swaps = logs(from, to, PAIR, SWAP_TOPIC, topicOf(me));
    assertThat(swaps)
        .extracting(Log::getTransactionHash)
        .containsExactly(swap.getTransactionHash());
    assertThat(IParaseqPair.getSwapEventFromLog(swaps.getFirst()).amount1Out)
        .isEqualTo(expectedOut);
    assertThat(logs(from, to, PAIR, SYNC_TOPIC, null))
        .extracting(Log::getTransactionHash)
        .containsExactly(
            swap.getTransactionHash(), add.getTransactionHash(), remove.getTransactionHash());
    assertThat(logs(from, to, TKB, TRANSFER_TOPIC, topicOf(PAIR)))
        .extracting(Log::getTransactionHash)
        .containsExactly(swap.getTransactionHash(), remove.getTransactionHash());
  }

  @Test
  @Order(5)
  void revertsAreGethsErrorsAndFailedReceipts() throws Exception {
    Credentials poorInTokens = DevAccounts.credentials(4);
    String me = poorInTokens.getAddress();
    IParaseqToken tokenA = token(TKA, poorInTokens);
    BigInteger tooMuch = MILLION.add(BigInteger.ONE);
    String data = encode(IParaseqToken.FUNC_TRANSFER, FRESH, tooMuch);
    String reason = "ERC20: transfer amount exceeds balance";

    // eth_call: code 3, the reason in the message, the revert data decodable by web3j.
    EthCall call =
        web3j
            .ethCall(
                Transaction.createEthCallTransaction(me, TKA, data),
                DefaultBlockParameterName.LATEST)
            .send();
    assertThat(call.isReverted()).isTrue();
    assertThat(call.getError().getCode()).isEqualTo(3);
    assertThat(call.getError().getMessage()).isEqualTo("execution reverted: " + reason);
    assertThat(call.getRevertReason()).isEqualTo("execution reverted: " + reason);
    // web3j keeps "data" as raw JSON (quoted); the node's reply has it as a hex string.
    JsonNode raw =
        rpc.call(
            "eth_call",
            "[{\"from\": \"" + me + "\", \"to\": \"" + TKA + "\", \"input\": \"" + data + "\"}]");
    String revertData = raw.at("/error/data").asString();
    assertThat(call.getError().getData()).isEqualTo("\"" + revertData + "\"");
    assertThat(revertData).startsWith("0x08c379a0");
    assertThat(decodeErrorString(revertData)).isEqualTo(reason);
    // eth_estimateGas: the same error.
    EthEstimateGas estimate =
        web3j.ethEstimateGas(Transaction.createEthCallTransaction(me, TKA, data)).send();
    assertThat(estimate.getError().getCode()).isEqualTo(3);
    assertThat(estimate.getError().getMessage()).isEqualTo("execution reverted: " + reason);
    assertThat(estimate.getError().getData()).isEqualTo(call.getError().getData());
    // A view reverting for an empty-data reason (unknown selector): no reason.
    rpc.assertError(
        "eth_call",
        "[{\"from\": \"" + me + "\", \"to\": \"" + TKA + "\", \"input\": \"0x12345678\"}]",
        3,
        "execution reverted");

    // Sent anyway (web3j's wrapper does not estimate with a static gas provider): status 0, gas
    // used and paid, nonce used, no logs, no token moved.
    TransactionException failed =
        catchThrowableOfType(
            TransactionException.class, () -> tokenA.transfer(FRESH, tooMuch).send());
    TransactionReceipt receipt = failed.getTransactionReceipt().orElseThrow();
    assertThat(receipt.isStatusOK()).isFalse();
    assertThat(receipt.getStatus()).isEqualTo("0x0");
    assertThat(receipt.getLogs()).isEmpty();
    // Gas up to the revert: entry, the sender's balance slot (keccak, cold read).
    assertThat(receipt.getGasUsed()).isEqualTo(gas(data, 1_000 + 42 + 2_100));
    assertThat(tokenA.balanceOf(me).send()).isEqualTo(MILLION);
    assertThat(ethBalance(me)).isEqualTo(DEV_ETH.subtract(fees(receipt)));
    assertThat(
            web3j
                .ethGetTransactionCount(me, DefaultBlockParameterName.LATEST)
                .send()
                .getTransactionCount())
        .isEqualTo(BigInteger.ONE);
    assertThat(restTransaction(receipt.getTransactionHash()).at("/receipt/status").asString())
        .isEqualTo("failed");

    // A pair revert with the pair's reason.
    IParaseqPair pair = pair(poorInTokens);
    BigInteger out = pair.getAmountOut(TKB, UNIT).send();
    String swapData = encode(IParaseqPair.FUNC_SWAP, TKB, UNIT, out.add(BigInteger.ONE), me);
    rpc.assertError(
        "eth_call",
        "[{\"from\": \"" + me + "\", \"to\": \"" + PAIR + "\", \"input\": \"" + swapData + "\"}]",
        3,
        "execution reverted: Pair: OUTPUT_BELOW_MINIMUM");
  }

  @Test
  @Order(6)
  void theStoredStateRebuildsTheProgramsAtTheHeadRoot() {
    WorldState rebuilt;
    int attempts = 0;
    do { // no transactions are in flight; retried only if a block commits during the read
      StoredState rows = store.loadState();
      rebuilt = WorldState.fromFlat(rows.accounts(), rows.storage(), ParallelHashing.sequential());
    } while (!rebuilt.stateRoot().equals(head.current().stateRoot()) && ++attempts < 5);
    assertThat(rebuilt.stateRoot()).isEqualTo(head.current().stateRoot());
    StateView view = rebuilt.view();
    assertThat(view.account(DevnetPrograms.TOKEN_A).codeHash())
        .isEqualTo(ProgramKind.ERC20.codeHash());
    assertThat(view.account(DevnetPrograms.PAIR).codeHash())
        .isEqualTo(ProgramKind.AMM_PAIR.codeHash());
    assertThat(
            view.storage(DevnetPrograms.TOKEN_A, Erc20Layout.balance(Address.fromHex(FRESH)))
                .toBigInteger())
        .isEqualTo(UNIT.multiply(BigInteger.valueOf(5)));
  }

  // ---- helpers ----

  private IParaseqToken token(String address, Credentials credentials) {
    return IParaseqToken.load(address, web3j, manager(credentials), gasProvider());
  }

  private IParaseqPair pair(Credentials credentials) {
    return IParaseqPair.load(PAIR, web3j, manager(credentials), gasProvider());
  }

  private RawTransactionManager manager(Credentials credentials) {
    return new RawTransactionManager(
        web3j, credentials, CHAIN_ID, new PollingTransactionReceiptProcessor(web3j, 50, 600));
  }

  /** EIP-1559: 2 gwei fee cap, 1 gwei tip, 300,000 gas. */
  private static StaticEIP1559GasProvider gasProvider() {
    return new StaticEIP1559GasProvider(
        CHAIN_ID, GWEI.shiftLeft(1), GWEI, BigInteger.valueOf(300_000));
  }

  /** Uniswap V2's output for {@code amountIn} with the 0.3 % fee. */
  private static BigInteger amountOut(
      BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut) {
    BigInteger withFee = amountIn.multiply(BigInteger.valueOf(997));
    return withFee
        .multiply(reserveOut)
        .divide(reserveIn.multiply(BigInteger.valueOf(1000)).add(withFee));
  }

  /** Call data of {@code function} with address and uint256 arguments. */
  @SuppressWarnings("rawtypes") // web3j's Function takes a raw List<Type>
  private static String encode(String function, Object... args) {
    List<Type> params = new ArrayList<>();
    for (Object arg : args) {
      params.add(
          arg instanceof String address
              ? new org.web3j.abi.datatypes.Address(address)
              : new Uint256((BigInteger) arg));
    }
    return FunctionEncoder.encode(new Function(function, params, List.of()));
  }

  /** Intrinsic gas of a call with {@code data} plus {@code programGas}. */
  private static BigInteger gas(String data, long programGas) {
    long intrinsic = IntrinsicGas.TRANSACTION;
    for (byte b : Numeric.hexStringToByteArray(data)) {
      intrinsic += b == 0 ? IntrinsicGas.ZERO_DATA_BYTE : IntrinsicGas.NON_ZERO_DATA_BYTE;
    }
    return BigInteger.valueOf(intrinsic + programGas);
  }

  private BigInteger estimate(String from, String to, String data) throws Exception {
    EthEstimateGas estimate =
        web3j.ethEstimateGas(Transaction.createEthCallTransaction(from, to, data)).send();
    assertThat(estimate.hasError()).as("%s", estimate.getError()).isFalse();
    return estimate.getAmountUsed();
  }

  /** Σ gasUsed × effectiveGasPrice of {@code receipts}. */
  private static BigInteger fees(TransactionReceipt... receipts) {
    BigInteger sum = BigInteger.ZERO;
    for (TransactionReceipt receipt : receipts) {
      sum =
          sum.add(
              receipt
                  .getGasUsed()
                  .multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice())));
    }
    return sum;
  }

  private BigInteger ethBalance(String address) throws Exception {
    return web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  private BigInteger storageAt(String address, Hash slot) throws Exception {
    return Numeric.toBigInt(
        web3j
            .ethGetStorageAt(
                address, Numeric.toBigInt(slot.bytes().toArray()), DefaultBlockParameterName.LATEST)
            .send()
            .getData());
  }

  private BigInteger blockTimestamp(TransactionReceipt receipt) throws Exception {
    return web3j
        .ethGetBlockByNumber(DefaultBlockParameter.valueOf(receipt.getBlockNumber()), false)
        .send()
        .getBlock()
        .getTimestamp()
        .mod(BigInteger.ONE.shiftLeft(32));
  }

  /** The logs of {@code address} in blocks [from, to] with topic0 and, if given, topic1. */
  private List<Log> logs(
      BigInteger from, BigInteger to, String address, String topic0, String topic1)
      throws Exception {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(from), DefaultBlockParameter.valueOf(to), address);
    filter.addSingleTopic(topic0);
    if (topic1 != null) {
      filter.addSingleTopic(topic1);
    }
    EthLog reply = web3j.ethGetLogs(filter).send();
    assertThat(reply.hasError()).as("%s", reply.getError()).isFalse();
    return reply.getLogs().stream().map(result -> (Log) result.get()).toList();
  }

  private static String topicOf(String address) {
    return "0x" + TypeEncoder.encode(new org.web3j.abi.datatypes.Address(address));
  }

  /** The reason of {@code Error(string)} revert data, decoded by web3j. */
  @SuppressWarnings("rawtypes") // web3j's decoder answers a raw List<Type>
  private static String decodeErrorString(String revertData) {
    List<Type> decoded =
        FunctionReturnDecoder.decode(
            "0x" + revertData.substring(10),
            Utils.convert(List.of(new TypeReference<Utf8String>() {})));
    return (String) decoded.getFirst().getValue();
  }

  /** {@code GET /v1/transactions/{hash}}. */
  private JsonNode restTransaction(String hash) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/v1/transactions/" + hash))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return JsonMapper.shared().readTree(response.body());
    }
  }

  private static List<Bytes> nodes(JsonNode hexes) {
    return hexes.valueStream().map(node -> Bytes.fromHex(node.asString())).toList();
  }
}
