package io.paraseq.sequencer.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.chain.DevAccounts;
import io.paraseq.protocol.chain.DevnetPrograms;
import io.paraseq.protocol.program.PairConfig;
import io.paraseq.protocol.program.ProgramGenesis;
import io.paraseq.protocol.program.ProgramKind;
import io.paraseq.protocol.program.TokenConfig;
import io.paraseq.protocol.state.GenesisAlloc;
import io.paraseq.protocol.state.GenesisAlloc.Allocation;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Hash;
import io.paraseq.sequencer.config.ChainProperties;
import io.paraseq.sequencer.config.ChainProperties.GenesisAccount;
import io.paraseq.sequencer.config.ChainProperties.GenesisPair;
import io.paraseq.sequencer.config.ChainProperties.GenesisToken;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The genesis allocation from the settings: dev accounts, the geth-format file, inline accounts and
 * native programs merged; every malformed, duplicate, empty, oversized or unsupported entry refused
 * with a message naming where it was written and what is wrong.
 */
class GenesisAllocationTest {

  private static final String A = "0x00000000000000000000000000000000000000aa";
  private static final String B = "0x00000000000000000000000000000000000000bb";
  private static final String SLOT1 = "0x" + "0".repeat(63) + "1";
  private static final String SLOT2 = "0x" + "0".repeat(63) + "2";
  private static final ChainProperties DEFAULTS = ChainProperties.withId(3195);
  private static final ChainProperties NO_DEV = DEFAULTS.withDevAccounts(false);

  @TempDir Path dir;

  @Test
  void theDefaultIsTheTenDevelopmentAccountsAndTheDevnetPrograms() {
    assertThat(GenesisStateRoot.alloc(DEFAULTS)).isEqualTo(DevnetPrograms.alloc());
    assertThat(GenesisStateRoot.of(DEFAULTS))
        .isEqualTo(WorldState.genesis(DevnetPrograms.alloc()).stateRoot());
    assertThat(GenesisStateRoot.alloc(DEFAULTS.withPrograms(false, List.of(), List.of())))
        .isEqualTo(DevAccounts.alloc());
    // The devnet programs follow the development accounts unless set.
    assertThat(GenesisStateRoot.of(NO_DEV)).isEqualTo(MerkleTrie.EMPTY_ROOT);
    assertThat(GenesisStateRoot.alloc(NO_DEV.withPrograms(true, List.of(), List.of())))
        .isEqualTo(
            GenesisAlloc.of(
                ProgramGenesis.allocations(DevnetPrograms.tokens(), DevnetPrograms.pairs())));
  }

  @Test
  void addsTheConfiguredTokensAndPairs() {
    String tokenC = "0x4200000000000000000000000000000000000102";
    String pairAc = "0x4200000000000000000000000000000000000201";
    ChainProperties settings =
        DEFAULTS.withPrograms(
            null,
            List.of(
                new GenesisToken(tokenC, "Token C", "TKC", 6, Map.of(A, "0x0f4240", B, "7")),
                new GenesisToken(
                    "0x4200000000000000000000000000000000000103", "Token D", "TKD", null, null)),
            List.of(
                new GenesisPair(
                    pairAc, DevnetPrograms.TOKEN_A.toString(), tokenC, "2000000", "3000000", A)));
    GenesisAlloc alloc = GenesisStateRoot.alloc(settings);

    List<TokenConfig> tokens = new ArrayList<>(DevnetPrograms.tokens());
    tokens.add(
        TokenConfig.of(
            Address.fromHex(tokenC),
            "Token C",
            "TKC",
            6,
            Map.of(
                Address.fromHex(A), BigInteger.valueOf(1_000_000),
                Address.fromHex(B), BigInteger.valueOf(7))));
    tokens.add(
        TokenConfig.of(
            Address.fromHex("0x4200000000000000000000000000000000000103"),
            "Token D",
            "TKD",
            18,
            Map.of()));
    List<PairConfig> pairs = new ArrayList<>(DevnetPrograms.pairs());
    pairs.add(
        new PairConfig(
            Address.fromHex(pairAc),
            DevnetPrograms.TOKEN_A,
            Address.fromHex(tokenC),
            BigInteger.valueOf(2_000_000),
            BigInteger.valueOf(3_000_000),
            Address.fromHex(A)));
    assertThat(alloc).isEqualTo(ProgramGenesis.withPrograms(DevAccounts.alloc(), tokens, pairs));
    assertThat(alloc.accounts().get(Address.fromHex(tokenC)).codeHash())
        .isEqualTo(ProgramKind.ERC20.codeHash());
    assertThat(alloc.accounts().get(Address.fromHex(pairAc)).codeHash())
        .isEqualTo(ProgramKind.AMM_PAIR.codeHash());
    assertThat(GenesisAllocation.describe(settings))
        .endsWith(
            "paraseq.chain.dev-programs=true, paraseq.chain.tokens: 2, paraseq.chain.pairs: 1");
  }

  @Test
  void refusesInvalidPrograms() {
    String token = "0x4200000000000000000000000000000000000102";
    assertProgramsRefused(
        List.of(new GenesisToken(token, null, "T", null, null)),
        List.of(),
        "paraseq.chain.tokens[0].name is required");
    assertProgramsRefused(
        List.of(new GenesisToken("0x42", "T", "T", null, null)),
        List.of(),
        "paraseq.chain.tokens[0].address: '0x42' is not an address");
    assertProgramsRefused(
        List.of(new GenesisToken(token, "T", "T", null, Map.of(A, "-5"))),
        List.of(),
        "paraseq.chain.tokens[0].balances." + A + " '-5' is negative");
    assertProgramsRefused(
        List.of(new GenesisToken(token, "T", "T", 256, null)),
        List.of(),
        "invalid native program configuration: token " + token + ": decimals must be in [0, 255]");
    assertProgramsRefused(
        List.of(new GenesisToken(DevnetPrograms.TOKEN_A.toString(), "T", "T", null, null)),
        List.of(),
        "another program has the same address");
    assertProgramsRefused(
        List.of(new GenesisToken(DevAccounts.ADDRESSES.getFirst().toString(), "T", "T", 1, null)),
        List.of(),
        "is already allocated at genesis");
    assertProgramsRefused(
        List.of(),
        List.of(new GenesisPair(token, DevnetPrograms.TOKEN_A.toString(), B, "5000", "5000", A)),
        "is not a configured token");
    assertProgramsRefused(
        List.of(),
        List.of(
            new GenesisPair(
                token,
                DevnetPrograms.TOKEN_A.toString(),
                DevnetPrograms.TOKEN_B.toString(),
                "5000",
                "5000",
                null)),
        "paraseq.chain.pairs[0].liquidity-provider is required");
  }

  private static void assertProgramsRefused(
      List<GenesisToken> tokens, List<GenesisPair> pairs, String message) {
    assertThatThrownBy(() -> GenesisStateRoot.alloc(DEFAULTS.withPrograms(null, tokens, pairs)))
        .isInstanceOf(GenesisAllocException.class)
        .hasMessageContaining(message);
  }

  @Test
  void mergesTheDevAccountsTheFileAndTheInlineAccounts() throws IOException {
    Path file =
        json(
            """
            {
              "00000000000000000000000000000000000000aa": {"balance": "0x3635c9adc5dea00000"},
              "0x00000000000000000000000000000000000000CC": {
                "balance": 12345678901234567890123, "nonce": "0x07",
                "storage": {"%s": "0x%s", "%s": "0x%s"},
                "code": "0x"
              }
            }
            """
                .formatted(SLOT1, "0".repeat(62) + "2a", SLOT2, "0".repeat(64)));
    GenesisAlloc alloc =
        GenesisStateRoot.alloc(
            DEFAULTS.withAlloc(
                file.toString(),
                Map.of(B, new GenesisAccount("5", "3", Map.of(SLOT2, "0x" + "f".repeat(64)), ""))));

    assertThat(alloc.accounts()).hasSize(13 + 3); // and the devnet's three programs
    DevAccounts.ADDRESSES.forEach(
        a -> assertThat(alloc.accounts().get(a)).isEqualTo(Allocation.of(DevAccounts.BALANCE)));
    assertThat(alloc.accounts().get(Address.fromHex(A)))
        .isEqualTo(Allocation.of(Wei.of(BigInteger.TEN.pow(21))));
    Allocation c =
        alloc.accounts().get(Address.fromHex("0x00000000000000000000000000000000000000cc"));
    assertThat(c.balance()).isEqualTo(Wei.of(new BigInteger("12345678901234567890123")));
    assertThat(c.nonce()).isEqualTo(7);
    // The zero word of SLOT2 is no slot.
    assertThat(c.storage()).containsExactly(Map.entry(Hash.fromHex(SLOT1), Word.of(42)));
    Allocation b = alloc.accounts().get(Address.fromHex(B));
    assertThat(b.balance()).isEqualTo(Wei.of(5));
    assertThat(b.nonce()).isEqualTo(3);
    assertThat(b.storage()).containsOnlyKeys(Hash.fromHex(SLOT2));
    assertThat(GenesisStateRoot.of(DEFAULTS.withAlloc(file.toString(), Map.of())))
        .isNotEqualTo(GenesisStateRoot.of(DEFAULTS));
  }

  @Test
  void refusesMalformedAddresses() {
    assertInlineRefused("0x1234", "1", "paraseq.chain.alloc: '0x1234' is not an address");
    // What YAML makes of an unquoted 0x key: a decimal number.
    assertInlineRefused(
        "1390849295786071768276380950238675083608645509734", "1", "quote keys that start with 0x");
    assertInlineRefused("0xzz000000000000000000000000000000000000aa", "1", "is not an address: ");
    assertInlineRefused("0xF39fd6e51aad88F6F4ce6aB8827279cffFb92266", "1", "bad EIP-55 checksum");
  }

  @Test
  void refusesBadBalancesAndNonces() {
    assertInlineRefused(A, "-1", "balance '-1' is negative");
    assertInlineRefused(A, "0x" + "1" + "0".repeat(64), "does not fit 256 bits");
    assertInlineRefused(A, "1e21", "balance '1e21' is not an integer");
    assertInlineRefused(A, "0x", "balance '0x' is not an integer");
    assertInlineRefused(A, " 1", "is not an integer");
    assertInlineRefused(A, null, "account " + A + " has no balance");
    assertRefused(
        NO_DEV.withAlloc("", Map.of(A, new GenesisAccount("1", "0x8000000000000000", null, null))),
        "nonce 9223372036854775808 is above 2^63-1");
    assertRefused(
        NO_DEV.withAlloc(
            "", Map.of(A, new GenesisAccount("1", "0x1" + "0".repeat(16), null, null))),
        "nonce '0x10000000000000000' does not fit 64 bits");
    assertRefused(
        NO_DEV.withAlloc("", Map.of(A, new GenesisAccount("0", "0", Map.of(SLOT1, SLOT1), null))),
        "account " + A + " is empty (balance 0, nonce 0)");
  }

  @Test
  void refusesCodeAndBadStorage() {
    assertRefused(
        NO_DEV.withAlloc("", Map.of(A, new GenesisAccount("1", null, null, "0x6000"))),
        "has code, which is not supported: Paraseq has no EVM yet");
    assertRefused(
        NO_DEV.withAlloc("", Map.of(A, new GenesisAccount("1", null, Map.of("1", SLOT1), null))),
        "storage slot '1' is not 0x and 64 hex digits");
    assertRefused(
        NO_DEV.withAlloc("", Map.of(A, new GenesisAccount("1", null, Map.of(SLOT1, "0x2a"), null))),
        "storage value of slot " + SLOT1 + " '0x2a' is not 0x and 64 hex digits");
    assertRefused(
        NO_DEV.withAlloc(
            "",
            Map.of(
                A,
                new GenesisAccount(
                    "1",
                    null,
                    Map.of("0x" + "a".repeat(64), SLOT1, "0x" + "A".repeat(64), SLOT1),
                    null))),
        "is given twice");
  }

  @Test
  void refusesAnAddressAllocatedTwice() throws IOException {
    String devZero = DevAccounts.ADDRESSES.get(0).toString();
    assertRefused(
        DEFAULTS.withAlloc("", Map.of(devZero, GenesisAccount.ofBalance("1"))),
        "genesis account "
            + devZero
            + " is allocated twice: in paraseq.chain.dev-accounts and in paraseq.chain.alloc"
            + " (it is a development account; set paraseq.chain.dev-accounts=false");
    Path file = json("{\"" + A + "\": {\"balance\": \"1\"}}");
    assertRefused(
        NO_DEV.withAlloc(
            file.toString(),
            Map.of(A.toUpperCase().replace("0X", "0x"), GenesisAccount.ofBalance("2"))),
        "is allocated twice: in paraseq.chain.genesis-alloc-file "
            + file
            + " and in paraseq.chain.alloc");
    Path sameTwice =
        json(
            "{\""
                + A
                + "\": {\"balance\": \"1\"}, \""
                + A.substring(2)
                + "\": {\"balance\": \"1\"}}");
    assertRefused(NO_DEV.withAlloc(sameTwice.toString(), Map.of()), "is allocated twice");
    Path duplicateKey =
        json("{\"" + A + "\": {\"balance\": \"1\"}, \"" + A + "\": {\"balance\": \"2\"}}");
    assertRefused(
        NO_DEV.withAlloc(duplicateKey.toString(), Map.of()),
        "not valid JSON: Duplicate Object property");
  }

  @Test
  void refusesATotalAbove256Bits() {
    String half = Wei.MAX.value().shiftRight(1).add(BigInteger.ONE).toString();
    assertRefused(
        NO_DEV.withAlloc(
            "", Map.of(A, GenesisAccount.ofBalance(half), B, GenesisAccount.ofBalance(half))),
        "the genesis balances add up to " + Wei.MAX.value().add(BigInteger.ONE) + " wei");
  }

  @Test
  void refusesFilesThatAreNotAnAllocation() throws IOException {
    assertFileRefused(null, "no such file");
    assertFileRefused("{\"" + A + "\": ", "not valid JSON");
    assertFileRefused("[1]", "the file must hold one JSON object of address → account");
    assertFileRefused(
        "{\"config\": {\"chainId\": 1}, \"alloc\": {}}", "this looks like a whole genesis file");
    assertFileRefused("{\"" + A + "\": \"1\"}", "account " + A + " must be an object");
    assertFileRefused(
        "{\"" + A + "\": {\"balance\": \"1\", \"secretKey\": \"0x01\"}}",
        "account " + A + " has unknown field \"secretKey\"");
    assertFileRefused(
        "{\"" + A + "\": {\"balance\": 1.5}}", "\"balance\" must be a string or an integer");
    assertFileRefused(
        "{\"" + A + "\": {\"balance\": 1e21}}", "\"balance\" must be a string or an integer");
    assertFileRefused(
        "{\"" + A + "\": {\"balance\": \"1\", \"code\": 5}}", "\"code\" must be a string");
    assertFileRefused(
        "{\"" + A + "\": {\"balance\": \"1\", \"storage\": []}}", "\"storage\" must be an object");
    assertFileRefused(
        "{\"" + A + "\": {\"balance\": \"1\", \"storage\": {\"" + SLOT1 + "\": 1}}}",
        "storage slot " + SLOT1 + " must be a string value");
    assertFileRefused(
        "{\"" + A + "\": {\"balance\": \"1\", \"code\": \"0x6000\"}}",
        "has code, which is not supported");
  }

  private Path json(String text) throws IOException {
    Path file = Files.createTempFile(dir, "alloc", ".json");
    Files.writeString(file, text);
    return file;
  }

  private void assertFileRefused(String content, String message) throws IOException {
    Path file = content == null ? dir.resolve("missing.json") : json(content);
    assertRefused(
        NO_DEV.withAlloc(file.toString(), Map.of()),
        "paraseq.chain.genesis-alloc-file " + file + ": ");
    assertRefused(NO_DEV.withAlloc(file.toString(), Map.of()), message);
  }

  private static void assertInlineRefused(String address, String balance, String message) {
    assertRefused(
        NO_DEV.withAlloc("", Map.of(address, new GenesisAccount(balance, null, null, null))),
        message);
  }

  private static void assertRefused(ChainProperties properties, String message) {
    assertThatThrownBy(() -> GenesisStateRoot.alloc(properties))
        .isInstanceOf(GenesisAllocException.class)
        .hasMessageContaining(message);
  }
}
