package io.paraseq.sequencer.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.chain.DevAccounts;
import io.paraseq.protocol.chain.DevnetPrograms;
import io.paraseq.protocol.program.ProgramKind;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * The inline allocation binds from YAML, properties and environment variables, and the command line
 * the devnet deploys its L1 contract with reads the settings as the node does.
 */
class GenesisStateRootTest {

  private static final String ADDRESS = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  private static final String SLOT = "0x" + "0".repeat(63) + "1";

  @Test
  void theCommandLineReadsTheSettingsAsTheNodeDoes() {
    assertThat(GenesisStateRoot.fromConfiguration())
        .isEqualTo(WorldState.genesis(DevnetPrograms.alloc()).stateRoot());
    assertThat(GenesisStateRoot.fromConfiguration("--paraseq.chain.dev-programs=false"))
        .isEqualTo(WorldState.genesis(DevAccounts.alloc()).stateRoot());
    assertThat(GenesisStateRoot.fromConfiguration("--paraseq.chain.dev-accounts=false"))
        .isEqualTo(MerkleTrie.EMPTY_ROOT);
    Hash inline =
        GenesisStateRoot.fromConfiguration(
            "--paraseq.chain.dev-accounts=false",
            "--paraseq.chain.alloc." + ADDRESS + ".balance=0x10",
            "--paraseq.chain.alloc." + ADDRESS + ".nonce=2");
    assertThat(inline)
        .isEqualTo(
            GenesisStateRoot.of(
                ChainProperties.withId(3195)
                    .withDevAccounts(false)
                    .withAlloc("", Map.of(ADDRESS, new GenesisAccount("16", "2", null, null)))));
    assertThatThrownBy(
            () ->
                GenesisStateRoot.fromConfiguration(
                    "--paraseq.chain.alloc." + ADDRESS + ".balance=-1"))
        .isInstanceOf(GenesisAllocException.class)
        .hasMessageContaining("balance '-1' is negative");
  }

  @Test
  void bindsQuotedYamlKeys() throws IOException {
    ChainProperties bound =
        bindYaml(
            """
            paraseq:
              chain:
                dev-accounts: false
                alloc:
                  "%s":
                    balance: 1000000000000000000000
                    nonce: "0x05"
                    storage:
                      "%s": "0x%s"
            """
                .formatted(ADDRESS, SLOT, "0".repeat(62) + "2a"));
    Allocation allocation = GenesisStateRoot.alloc(bound).accounts().get(Address.fromHex(ADDRESS));
    assertThat(allocation.balance()).isEqualTo(Wei.of(java.math.BigInteger.TEN.pow(21)));
    assertThat(allocation.nonce()).isEqualTo(5);
    assertThat(allocation.storage()).containsExactly(Map.entry(Hash.fromHex(SLOT), Word.of(42)));
  }

  @Test
  void unquotedYamlKeysAreRefusedWithAHint() throws IOException {
    ChainProperties bound =
        bindYaml(
            """
            paraseq:
              chain:
                alloc:
                  %s:
                    balance: 1
            """
                .formatted(ADDRESS));
    assertThatThrownBy(() -> GenesisStateRoot.alloc(bound))
        .isInstanceOf(GenesisAllocException.class)
        .hasMessageContaining("quote keys that start with 0x");
  }

  @Test
  void bindsEnvironmentVariables() {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.of(
                "PARASEQ_CHAIN_DEV_ACCOUNTS",
                "false",
                "PARASEQ_CHAIN_ALLOC_" + ADDRESS.toUpperCase() + "_BALANCE",
                "7")));
    ChainProperties bound = bind(sources);
    assertThat(GenesisStateRoot.alloc(bound).accounts())
        .containsExactly(Map.entry(Address.fromHex(ADDRESS), Allocation.of(Wei.of(7))));
  }

  @Test
  void bindsProgramsFromEnvironmentVariables() {
    String token = "0x4200000000000000000000000000000000000102";
    String pair = "0x4200000000000000000000000000000000000201";
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.of(
                "PARASEQ_CHAIN_DEV_ACCOUNTS",
                "false",
                "PARASEQ_CHAIN_TOKENS_0_ADDRESS",
                token,
                "PARASEQ_CHAIN_TOKENS_0_NAME",
                "Token C",
                "PARASEQ_CHAIN_TOKENS_0_SYMBOL",
                "TKC",
                "PARASEQ_CHAIN_TOKENS_0_DECIMALS",
                "6",
                "PARASEQ_CHAIN_TOKENS_0_BALANCES_" + ADDRESS.toUpperCase(),
                "0x10",
                "PARASEQ_CHAIN_PAIRS_0_ADDRESS",
                pair,
                "PARASEQ_CHAIN_PAIRS_0_TOKEN0",
                DevnetPrograms.TOKEN_A.toString(),
                "PARASEQ_CHAIN_PAIRS_0_TOKEN1",
                token)));
    sources.addLast(
        new SystemEnvironmentPropertySource(
            "dev-programs", Map.of("PARASEQ_CHAIN_DEV_PROGRAMS", "true")));
    ChainProperties bound = bind(sources);
    assertThat(bound.devProgramsEnabled()).isTrue();
    assertThat(bound.tokens())
        .containsExactly(
            new GenesisToken(token, "Token C", "TKC", 6, Map.of(ADDRESS.toLowerCase(), "0x10")));
    assertThat(bound.pairs())
        .containsExactly(
            new GenesisPair(pair, DevnetPrograms.TOKEN_A.toString(), token, null, null, null));
    Map<Address, Allocation> accounts = GenesisStateRoot.alloc(bound).accounts();
    assertThat(accounts).containsKeys(Address.fromHex(token), Address.fromHex(pair));
    assertThat(accounts.get(Address.fromHex(token)).codeHash())
        .isEqualTo(ProgramKind.ERC20.codeHash());
    assertThat(accounts).doesNotContainKey(DevAccounts.ADDRESSES.getFirst());
  }

  private static ChainProperties bindYaml(String yaml) throws IOException {
    List<PropertySource<?>> loaded =
        new YamlPropertySourceLoader()
            .load("test.yml", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
    MutablePropertySources sources = new MutablePropertySources();
    loaded.forEach(sources::addLast);
    return bind(sources);
  }

  private static ChainProperties bind(MutablePropertySources sources) {
    return new Binder(ConfigurationPropertySources.from(sources))
        .bindOrCreate("paraseq.chain", ChainProperties.class);
  }
}
