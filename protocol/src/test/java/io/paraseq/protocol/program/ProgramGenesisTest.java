package io.paraseq.protocol.program;

import static io.paraseq.protocol.program.ProgramWorld.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.chain.DevAccounts;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.AccountProof;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ProgramGenesis}: validation, code hashes, storage layout, and the world state it makes.
 */
class ProgramGenesisTest {

  private static final Address TOKEN_A = address(0x100);
  private static final Address TOKEN_B = address(0x101);
  private static final Address PAIR = address(0x200);
  private static final Address ALICE = address(1);
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);
  private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);

  private static TokenConfig token(Address address) {
    return TokenConfig.of(address, "Token", "TKN", 18, Map.of(ALICE, HUNDRED));
  }

  private static PairConfig pair(Address token0, Address token1) {
    return new PairConfig(PAIR, token0, token1, MILLION, MILLION, ALICE);
  }

  @Test
  void programCodeIsInvalidOpcodeAndTagAndItsHashIsTheAccountsCodeHash() {
    assertThat(ProgramKind.ERC20.code())
        .isEqualTo(
            Bytes.fromHex("0xfe")
                .concat(Bytes.of("paraseq:erc20:v1".getBytes(StandardCharsets.US_ASCII))));
    assertThat(ProgramKind.AMM_PAIR.code().toHex())
        .startsWith("0xfe")
        .isNotEqualTo(ProgramKind.ERC20.code().toHex());
    assertThat(ProgramKind.ERC20.codeHash().toString())
        .isEqualTo("0xce7f7855702961e5214ba90a7692a690d248c23f017a85c2c6846b3f09b159eb");
    assertThat(ProgramKind.AMM_PAIR.code().toHex())
        .isEqualTo("0xfe706172617365713a616d6d2d706169723a7631");
    assertThat(ProgramKind.AMM_PAIR.codeHash().toString())
        .isEqualTo("0x939e0cd128af573f872e2958fbdc3df3ac7d9d1382159020b5071881a101cd30");
    assertThat(NativePrograms.code(ProgramKind.ERC20.codeHash()))
        .contains(ProgramKind.ERC20.code());
    assertThat(NativePrograms.code(Account.EMPTY_CODE_HASH)).isEmpty();
    assertThat(NativePrograms.isProgram(Account.EMPTY_CODE_HASH)).isFalse();

    Map<Address, Allocation> alloc =
        ProgramGenesis.allocations(
            List.of(token(TOKEN_A), token(TOKEN_B)), List.of(pair(TOKEN_A, TOKEN_B)));

    assertThat(alloc.get(TOKEN_A).codeHash()).isEqualTo(ProgramKind.ERC20.codeHash());
    assertThat(alloc.get(PAIR).codeHash()).isEqualTo(ProgramKind.AMM_PAIR.codeHash());
    assertThat(alloc.get(PAIR).balance()).isEqualTo(Wei.ZERO);
  }

  @Test
  void tokenStorageIsSolcsLayout() {
    Map<Address, Allocation> alloc =
        ProgramGenesis.allocations(
            List.of(TokenConfig.of(TOKEN_A, "Paraseq", "PSQ", 6, Map.of(ALICE, HUNDRED))),
            List.of());

    assertThat(alloc.get(TOKEN_A).storage())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Erc20Layout.balance(ALICE),
                Word.of(HUNDRED),
                Erc20Layout.TOTAL_SUPPLY,
                Word.of(HUNDRED),
                Erc20Layout.NAME,
                Word.fromHex("0x506172617365710000000000000000000000000000000000000000000000000e"),
                Erc20Layout.SYMBOL,
                Word.fromHex("0x5053510000000000000000000000000000000000000000000000000000000006"),
                Erc20Layout.DECIMALS,
                Word.of(6)));
  }

  @Test
  void genesisStateHoldsCodeHashAndProvableStorage() {
    GenesisAlloc alloc =
        ProgramGenesis.withPrograms(
            DevAccounts.alloc(),
            List.of(token(TOKEN_A), token(TOKEN_B)),
            List.of(pair(TOKEN_A, TOKEN_B)));
    WorldState state = WorldState.genesis(alloc);

    Account token = state.view().account(TOKEN_A);
    assertThat(token.codeHash()).isEqualTo(ProgramKind.ERC20.codeHash());
    assertThat(token.isEmpty()).isFalse();
    assertThat(state.view().storage(TOKEN_A, Erc20Layout.balance(PAIR)))
        .isEqualTo(Word.of(MILLION));
    assertThat(state.view().storage(TOKEN_A, Erc20Layout.TOTAL_SUPPLY))
        .isEqualTo(Word.of(MILLION.add(HUNDRED)));
    AccountProof proof = state.proof(TOKEN_A, List.of(Erc20Layout.balance(ALICE)));
    assertThat(proof.codeHash()).isEqualTo(ProgramKind.ERC20.codeHash());
    assertThat(proof.storageProof().getFirst().value()).isEqualTo(Word.of(HUNDRED));
    assertThat(proof.verify(state.stateRoot())).isTrue();
    assertThat(state.view().account(DevAccounts.ADDRESSES.getFirst()).balance())
        .isEqualTo(DevAccounts.BALANCE);
  }

  @Test
  void theOldAllocationFactoriesMakeAccountsWithoutCode() {
    assertThat(Allocation.of(Wei.ZERO).codeHash()).isEqualTo(Account.EMPTY_CODE_HASH);
    assertThat(new Allocation(Wei.ZERO, 1, new java.util.TreeMap<>()).withNonce(2).codeHash())
        .isEqualTo(Account.EMPTY_CODE_HASH);
  }

  @Test
  void invalidConfigurationsAreRefusedWithTheReason() {
    assertRefused(
        List.of(token(TOKEN_A), token(TOKEN_A)), List.of(), "another program has the same address");
    assertRefused(
        List.of(token(TOKEN_A)),
        List.of(new PairConfig(TOKEN_A, TOKEN_A, TOKEN_B, MILLION, MILLION, ALICE)),
        "another program has the same address");
    assertRefused(
        List.of(token(TOKEN_A), token(TOKEN_B)),
        List.of(pair(TOKEN_A, TOKEN_A)),
        "token0 and token1 are both");
    assertRefused(
        List.of(token(TOKEN_A)), List.of(pair(TOKEN_A, TOKEN_B)), "is not a configured token");
    assertRefused(
        List.of(TokenConfig.of(TOKEN_A, "T", "T", 256, Map.of())),
        List.of(),
        "decimals must be in [0, 255]");
    assertRefused(
        List.of(TokenConfig.of(TOKEN_A, "T", "T", -1, Map.of())),
        List.of(),
        "decimals must be in [0, 255]");
    assertRefused(
        List.of(TokenConfig.of(TOKEN_A, " ", "T", 18, Map.of())), List.of(), "name is empty");
    assertRefused(
        List.of(TokenConfig.of(TOKEN_A, "T", "", 18, Map.of())), List.of(), "symbol is empty");
    assertRefused(
        List.of(TokenConfig.of(TOKEN_A, "T", "T", 18, Map.of(ALICE, BigInteger.ONE.negate()))),
        List.of(),
        "out of uint256");
    assertRefused(
        List.of(TokenConfig.of(TOKEN_A, "T", "T", 18, Map.of(Address.ZERO, BigInteger.ONE))),
        List.of(),
        "zero address cannot hold");
    assertRefused(
        List.of(TokenConfig.of(Address.ZERO, "T", "T", 18, Map.of())),
        List.of(),
        "token at the zero address");
    BigInteger half = BigInteger.ONE.shiftLeft(255);
    assertRefused(
        List.of(TokenConfig.of(TOKEN_A, "T", "T", 18, Map.of(ALICE, half, PAIR, half))),
        List.of(),
        "exceeds 2^256-1");
    List<TokenConfig> both = List.of(token(TOKEN_A), token(TOKEN_B));
    assertRefused(
        both,
        List.of(new PairConfig(PAIR, TOKEN_A, TOKEN_B, MILLION, BigInteger.ZERO, ALICE)),
        "both zero or both positive");
    assertRefused(
        both,
        List.of(
            new PairConfig(PAIR, TOKEN_A, TOKEN_B, BigInteger.ONE.shiftLeft(112), MILLION, ALICE)),
        "out of uint112");
    assertRefused(
        both,
        List.of(
            new PairConfig(
                PAIR,
                TOKEN_A,
                TOKEN_B,
                BigInteger.valueOf(1_000),
                BigInteger.valueOf(1_000),
                ALICE)),
        "must exceed 1000");
    assertRefused(
        both,
        List.of(new PairConfig(PAIR, TOKEN_A, TOKEN_B, MILLION, MILLION, Address.ZERO)),
        "liquidity provider");
    assertThatThrownBy(
            () ->
                ProgramGenesis.withPrograms(
                    GenesisAlloc.of(Map.of(TOKEN_A, Allocation.of(Wei.ZERO))),
                    List.of(token(TOKEN_A)),
                    List.of()))
        .isInstanceOf(InvalidProgramConfigException.class)
        .hasMessageContaining("already allocated");
  }

  @Test
  void anEmptyPairHasItsTokensButNoReservesOrShares() {
    Map<Address, Allocation> alloc =
        ProgramGenesis.allocations(
            List.of(token(TOKEN_A), token(TOKEN_B)),
            List.of(
                new PairConfig(
                    PAIR, TOKEN_A, TOKEN_B, BigInteger.ZERO, BigInteger.ZERO, Address.ZERO)));

    assertThat(alloc.get(PAIR).storage()).containsOnlyKeys(PairLayout.TOKEN0, PairLayout.TOKEN1);
    assertThat(alloc.get(TOKEN_A).storage()).doesNotContainKey(Erc20Layout.balance(PAIR));
  }

  private static void assertRefused(
      List<TokenConfig> tokens, List<PairConfig> pairs, String reason) {
    assertThatThrownBy(() -> ProgramGenesis.allocations(tokens, pairs))
        .isInstanceOf(InvalidProgramConfigException.class)
        .hasMessageStartingWith("invalid native program configuration: ")
        .hasMessageContaining(reason);
  }
}
