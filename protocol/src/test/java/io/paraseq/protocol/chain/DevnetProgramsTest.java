package io.paraseq.protocol.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.block.BaseFeeRules;
import io.paraseq.protocol.block.Block;
import io.paraseq.protocol.block.BlockHeader;
import io.paraseq.protocol.block.ReceiptStatus;
import io.paraseq.protocol.exec.BlockContext;
import io.paraseq.protocol.exec.BlockExecution;
import io.paraseq.protocol.exec.SequentialExecutor;
import io.paraseq.protocol.program.Abi;
import io.paraseq.protocol.program.AbiEncoder;
import io.paraseq.protocol.program.Erc20Layout;
import io.paraseq.protocol.program.NativePrograms;
import io.paraseq.protocol.program.PairLayout;
import io.paraseq.protocol.program.PairMath;
import io.paraseq.protocol.program.ProgramKind;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.TransactionValidator;
import io.paraseq.protocol.tx.ValidationPolicy;
import io.paraseq.protocol.tx.VerifiedTransaction;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The devnet's default programs end to end: genesis, then signed transactions that approve and
 * swap, verified as ingress does, executed, sealed with receipts.
 */
class DevnetProgramsTest {

  private static final ChainId CHAIN = ChainId.PARASEQ_DEFAULT;
  private static final long GWEI = 1_000_000_000L;
  private static final ChainConfig CONFIG =
      new ChainConfig(
          CHAIN,
          30_000_000,
          BaseFeeRules.withFloor(Wei.of(GWEI / 10)),
          Wei.of(GWEI),
          Address.fromHex("0x4200000000000000000000000000000000000011"));
  private static final BigInteger UNIT = BigInteger.TEN.pow(18);

  private final TransactionValidator ingress =
      new TransactionValidator(ValidationPolicy.userIngress(CHAIN));

  @Test
  void theDefaultsMakeAValidGenesisWithProgramAccounts() {
    WorldState state = WorldState.genesis(DevnetPrograms.alloc());

    assertThat(state.view().account(DevnetPrograms.TOKEN_A).codeHash())
        .isEqualTo(ProgramKind.ERC20.codeHash());
    assertThat(NativePrograms.code(state.view().account(DevnetPrograms.PAIR).codeHash()))
        .contains(ProgramKind.AMM_PAIR.code());
    assertThat(
            state
                .view()
                .storage(DevnetPrograms.TOKEN_B, Erc20Layout.balance(DevAccounts.ADDRESSES.get(9))))
        .isEqualTo(Word.of(UNIT.multiply(BigInteger.valueOf(1_000_000))));
    assertThat(DevAccounts.alloc().accounts()).hasSize(10); // the plain dev genesis is unchanged
  }

  @Test
  void signedApproveAndSwapRunInABlock() {
    Genesis genesis = new Genesis(CONFIG, 1_700_000_000L, DevnetPrograms.alloc());
    WorldState state = genesis.createState();
    BlockHeader parent = genesis.header(state.stateRoot());
    BlockContext context = CONFIG.nextContext(parent, 1_700_000_001L, Wei.ZERO);
    Address trader = DevAccounts.ADDRESSES.get(1);
    BigInteger in = UNIT.multiply(BigInteger.valueOf(100));
    BigInteger out =
        PairMath.amountOut(
            in,
            UNIT.multiply(BigInteger.valueOf(1_000_000)),
            UNIT.multiply(BigInteger.valueOf(2_000_000)));
    List<VerifiedTransaction> txs =
        List.of(
            sign(
                1,
                0,
                DevnetPrograms.TOKEN_A,
                new AbiEncoder()
                    .address(DevnetPrograms.PAIR)
                    .uint256(in)
                    .encodeWithSelector(Abi.selector("approve(address,uint256)"))),
            sign(
                1,
                1,
                DevnetPrograms.PAIR,
                new AbiEncoder()
                    .address(DevnetPrograms.TOKEN_A)
                    .uint256(in)
                    .uint256(out)
                    .address(trader)
                    .encodeWithSelector(Abi.selector("swap(address,uint256,uint256,address)"))));

    BlockExecution execution = new SequentialExecutor().execute(context, txs, state.view());
    Block block = new BlockAssembler(CONFIG, state).assemble(parent, context, execution);

    assertThat(execution.receipts()).allMatch(r -> r.status() == ReceiptStatus.SUCCESS);
    assertThat(block.header().logsBloom().mightContain(DevnetPrograms.PAIR)).isTrue();
    assertThat(block.header().stateRoot()).isEqualTo(state.stateRoot());
    assertThat(state.view().storage(DevnetPrograms.TOKEN_B, Erc20Layout.balance(trader)))
        .isEqualTo(Word.of(UNIT.multiply(BigInteger.valueOf(1_000_000)).add(out)));
    assertThat(PairLayout.reserve1(state.view().storage(DevnetPrograms.PAIR, PairLayout.RESERVES)))
        .isEqualTo(UNIT.multiply(BigInteger.valueOf(2_000_000)).subtract(out));
  }

  private VerifiedTransaction sign(int key, long nonce, Address to, Bytes data) {
    DynamicFeeTransaction payload =
        new DynamicFeeTransaction(
            CHAIN,
            nonce,
            Wei.of(GWEI),
            Wei.of(10 * GWEI),
            200_000,
            Optional.of(to),
            Wei.ZERO,
            data,
            List.of());
    return ingress
        .verify(TransactionSigner.sign(payload, DevKeys.KEYS.get(key)).encoded())
        .orElseThrow();
  }
}
