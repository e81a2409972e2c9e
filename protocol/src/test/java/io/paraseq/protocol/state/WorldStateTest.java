package io.paraseq.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.trie.ParallelHashing;
import io.paraseq.protocol.trie.ProofResult;
import io.paraseq.protocol.trie.ProofVerifier;
import io.paraseq.protocol.trie.SecureMerkleTrie;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WorldState by example: known roots, deletion, proofs' shape, progress reports. */
class WorldStateTest {

  private static final Address ALICE = Address.fromHex("0x" + "a1".repeat(20));
  private static final Address TOKEN = Address.fromHex("0x" + "70".repeat(20));
  private static final Hash SLOT_0 = Hash.ZERO;
  private static final Hash SLOT_1 = Hash.of(Word.of(1).bytes());

  @Test
  void emptyStateHasTheEmptyTrieRoot() {
    Hash expected =
        Hash.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    assertThat(WorldState.empty().stateRoot()).isEqualTo(expected);
    assertThat(WorldState.genesis(GenesisAlloc.of(Map.of())).stateRoot()).isEqualTo(expected);
    assertThat(WorldState.empty().view().account(ALICE)).isEqualTo(Account.EMPTY);
    assertThat(WorldState.empty().view().storage(ALICE, SLOT_0)).isEqualTo(Word.ZERO);
  }

  /**
   * Sepolia's genesis: 15 accounts with balances only. Alloc from eth-clients/sepolia
   * metadata/genesis.json; the root is the Sepolia genesis header's stateRoot, as asserted by
   * reth's and ethereumjs's genesis tests.
   */
  @Test
  void sepoliaGenesisRoot() {
    Map<Address, GenesisAlloc.Allocation> alloc = new HashMap<>();
    String big = "d3c21bcecceda1000000";
    for (String address :
        List.of(
            "a2a6d93439144ffe4d27c9e088dcd8b783946263",
            "bc11295936aa79d594139de1b2e12629414f3bdb",
            "7cf5b79bfe291a67ab02b393e456ccc4c266f753",
            "aaec86394441f915bce3e6ab399977e9906f3b69",
            "f47cae1cf79ca6758bfc787dbd21e6bdbe7112b8",
            "d7eddb78ed295b3c9629240e8924fb8d8874ddd8",
            "8b7f0977bb4f0fbe7076fa22bc24aca043583f5e",
            "e2e2659028143784d557bcec6ff3a0721048880a",
            "d9a5179f091d85051d3c982785efd1455cec8699",
            "beef32ca5b9a198d27b4e02f4c70439fe60356cf")) {
      alloc.put(address(address), balance(big));
    }
    alloc.put(
        address("0000006916a87b82333f4245046623b23794c65c"), balance("84595161401484a000000"));
    String huge = "52b7d2dcc80cd2e4000000";
    alloc.put(address("b21c33de1fab3fa15499c62b59fe0cc3250020d1"), balance(huge));
    alloc.put(address("10f5d45854e038071485ac9e402308cf80d2d2fe"), balance(huge));
    alloc.put(address("d7d76c58b3a519e9fa6cc4d22dc017259bc49f1e"), balance(huge));
    alloc.put(address("799d329e5f583419167cd722962485926e338f4a"), balance("de0b6b3a7640000"));

    WorldState genesis = WorldState.genesis(GenesisAlloc.of(alloc));

    assertThat(genesis.stateRoot())
        .isEqualTo(
            Hash.fromHex("0x5eb6e371a698b8d68f665192350ffcecbbbf322916f4b51bd79bb6887da3f494"));
    assertThat(genesis.accountCount()).isEqualTo(15);
  }

  @Test
  void singleAccountRootMatchesAHandBuiltSecureTrie() {
    Wei balance = Wei.of(BigInteger.TEN.pow(24));
    WorldState state =
        WorldState.genesis(GenesisAlloc.of(Map.of(ALICE, GenesisAlloc.Allocation.of(balance))));
    // Hand-built: key keccak(address), value [0, balance, emptyRoot, emptyCodeHash].
    Bytes value =
        new RlpWriter()
            .startList()
            .writeLong(0)
            .writeBigInteger(balance.value())
            .writeBytes(MerkleTrie.EMPTY_ROOT.bytes())
            .writeBytes(Hash.keccak(Bytes.EMPTY).bytes())
            .endList()
            .toBytes();
    MerkleTrie plain = MerkleTrie.empty();
    plain.put(Hash.keccak(ALICE.bytes()).bytes(), value);
    assertThat(state.stateRoot()).isEqualTo(plain.rootHash());
  }

  @Test
  void genesisStorageGoesIntoTheStorageTrie() {
    GenesisAlloc.Allocation token =
        GenesisAlloc.Allocation.of(Wei.ZERO)
            .withNonce(1)
            .withStorage(Map.of(SLOT_0, Word.of(1000), SLOT_1, Word.ZERO));
    WorldState state = WorldState.genesis(GenesisAlloc.of(Map.of(TOKEN, token)));
    MerkleTrie storage = MerkleTrie.empty();
    storage.put(Hash.keccak(SLOT_0.bytes()).bytes(), Bytes.fromHex("0x8203e8"));
    Account account = state.view().account(TOKEN);
    assertThat(account.storageRoot()).isEqualTo(storage.rootHash());
    assertThat(account.nonce()).isEqualTo(1);
    assertThat(state.view().storage(TOKEN, SLOT_0)).isEqualTo(Word.of(1000));
    assertThat(state.view().storage(TOKEN, SLOT_1)).isEqualTo(Word.ZERO);
  }

  @Test
  void deletingAnAccountRemovesItsStorage() {
    WorldState state = WorldState.empty();
    Hash before = state.stateRoot();
    state.apply(
        StateDiff.builder()
            .setAccount(TOKEN, Account.of(1, Wei.of(5)))
            .setStorage(TOKEN, SLOT_0, Word.of(9))
            .build());
    assertThat(state.view().account(TOKEN).storageRoot()).isNotEqualTo(MerkleTrie.EMPTY_ROOT);
    state.apply(StateDiff.builder().deleteAccount(TOKEN).build());
    assertThat(state.stateRoot()).isEqualTo(before);
    assertThat(state.view().storage(TOKEN, SLOT_0)).isEqualTo(Word.ZERO);
    // Recreated: the old slot does not come back.
    state.apply(StateDiff.builder().setAccount(TOKEN, Account.of(0, Wei.of(1))).build());
    assertThat(state.view().account(TOKEN).storageRoot()).isEqualTo(MerkleTrie.EMPTY_ROOT);
  }

  @Test
  void storageOfAnAbsentAccountCreatesIt() {
    WorldState state = WorldState.empty();
    state.apply(StateDiff.builder().setStorage(TOKEN, SLOT_1, Word.of(3)).build());
    Account account = state.view().account(TOKEN);
    assertThat(account.withStorageRoot(MerkleTrie.EMPTY_ROOT)).isEqualTo(Account.EMPTY);
    assertThat(state.accountCount()).isEqualTo(1);
  }

  @Test
  void diffStorageRootsAreIgnored() {
    WorldState a = WorldState.empty();
    WorldState b = WorldState.empty();
    a.apply(StateDiff.builder().setAccount(ALICE, Account.of(1, Wei.of(2))).build());
    b.apply(
        StateDiff.builder()
            .setAccount(ALICE, Account.of(1, Wei.of(2)).withStorageRoot(Hash.ZERO))
            .build());
    assertThat(b.stateRoot()).isEqualTo(a.stateRoot());
  }

  @Test
  void proofOfAnAbsentAccountHasTheEmptyAccountsFields() {
    WorldState state = WorldState.empty();
    state.apply(StateDiff.builder().setAccount(ALICE, Account.of(1, Wei.of(2))).build());
    AccountProof proof = state.proof(TOKEN, List.of(SLOT_0));
    assertThat(proof.account()).isEqualTo(Account.EMPTY);
    assertThat(proof.storageProof())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.value()).isEqualTo(Word.ZERO);
              assertThat(s.proof()).isEmpty();
            });
    assertThat(proof.verify(state.stateRoot())).isTrue();
    assertThat(ProofVerifier.verifySecure(state.stateRoot(), TOKEN.bytes(), proof.accountProof()))
        .isEqualTo(new ProofResult.Absent());
  }

  @Test
  void proofOfAStorageSlotVerifiesAgainstTheStorageHash() {
    WorldState state = WorldState.empty();
    state.apply(
        StateDiff.builder()
            .setAccount(TOKEN, Account.of(1, Wei.ZERO))
            .setStorage(TOKEN, SLOT_0, Word.of(0x1234))
            .setStorage(TOKEN, SLOT_1, Word.of(1))
            .build());
    AccountProof proof = state.proof(TOKEN, List.of(SLOT_1, SLOT_0));
    assertThat(proof.verify(state.stateRoot())).isTrue();
    assertThat(proof.storageProof().get(1).key()).isEqualTo(SLOT_0);
    assertThat(
            ProofVerifier.verifySecure(
                proof.storageHash(), SLOT_0.bytes(), proof.storageProof().get(1).proof()))
        .isEqualTo(new ProofResult.Found(Bytes.fromHex("0x821234")));
    assertThat(proof.verify(Hash.keccak(Bytes.EMPTY))).isFalse();
  }

  @Test
  void fromFlatReportsProgressUpToTheTotal() {
    Map<Address, Account> accounts = new HashMap<>();
    Map<Address, Map<Hash, Word>> storage = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      Address address =
          Address.of(Hash.keccak(Bytes.of((byte) i, (byte) (i >> 8))).bytes().slice(0, 20));
      accounts.put(address, Account.of(i, Wei.of(i)));
      if (i % 10 == 0) {
        storage.put(address, Map.of(SLOT_0, Word.of(i + 1)));
      }
    }
    List<String> reports = new ArrayList<>();
    WorldState state =
        WorldState.fromFlat(
            accounts,
            storage,
            ParallelHashing.sequential(),
            (stage, done, total) -> reports.add(stage + ":" + done + "/" + total));
    assertThat(reports).hasSizeLessThanOrEqualTo(110);
    assertThat(reports.getFirst()).isEqualTo("STORAGE_TRIES:0/1000");
    assertThat(reports).contains("STORAGE_TRIES:1000/1000", "ACCOUNT_TRIE:0/1000");
    assertThat(reports.getLast()).isEqualTo("ACCOUNT_TRIE:1000/1000");
    Map<Bytes, Bytes> entries = new HashMap<>();
    accounts.forEach((a, account) -> entries.put(a.bytes(), state.view().account(a).encode()));
    assertThat(state.stateRoot()).isEqualTo(SecureMerkleTrie.build(entries).rootHash());
  }

  private static Address address(String hex) {
    return Address.fromHex("0x" + hex);
  }

  private static GenesisAlloc.Allocation balance(String hex) {
    return GenesisAlloc.Allocation.of(Wei.of(new BigInteger(hex, 16)));
  }
}
