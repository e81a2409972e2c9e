package io.paraseq.protocol.program;

import static io.paraseq.protocol.program.ProgramWorld.address;
import static io.paraseq.protocol.program.ProgramWorld.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.block.Log;
import io.paraseq.protocol.state.Word;
import io.paraseq.protocol.tx.AccessListEntry;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every function of {@link Erc20Program}: results, events, storage, reverts and gas. */
class Erc20ProgramTest {

  private static final Address TOKEN = address(0x100);
  private static final Address ALICE = address(1);
  private static final Address BOB = address(2);
  private static final Address CAROL = address(3);
  private static final BigInteger ALICE_BALANCE = BigInteger.valueOf(1_000_000);
  private static final BigInteger BOB_BALANCE = BigInteger.valueOf(500);
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final Hash TRANSFER = Abi.eventTopic("Transfer(address,address,uint256)");
  private static final Hash APPROVAL = Abi.eventTopic("Approval(address,address,uint256)");

  private final ProgramWorld world =
      new ProgramWorld(
          List.of(
              TokenConfig.of(
                  TOKEN,
                  "Paraseq Token",
                  "PSQ",
                  18,
                  Map.of(ALICE, ALICE_BALANCE, BOB, BOB_BALANCE))),
          List.of());

  @Test
  void metadataAndSupplyReadBack() {
    assertThat(AbiDecoder.of(world.returned(ALICE, TOKEN, encode("name()")), 1).string(0))
        .isEqualTo("Paraseq Token");
    assertThat(AbiDecoder.of(world.returned(ALICE, TOKEN, encode("symbol()")), 1).string(0))
        .isEqualTo("PSQ");
    assertThat(world.returned(ALICE, TOKEN, encode("decimals()")))
        .isEqualTo(new AbiEncoder().uint256(18).encode());
    assertThat(world.uint(ALICE, TOKEN, encode("totalSupply()")))
        .isEqualTo(ALICE_BALANCE.add(BOB_BALANCE));
    assertThat(world.uint(ALICE, TOKEN, balanceOf(BOB))).isEqualTo(BOB_BALANCE);
    assertThat(world.uint(ALICE, TOKEN, balanceOf(CAROL))).isZero();
  }

  @Test
  void aLongNameIsStoredAsASolidityLongStringAndReadsBack() {
    String name = "A token whose name is longer than thirty-one bytes — ünïcödé";
    ProgramWorld longName =
        new ProgramWorld(List.of(TokenConfig.of(TOKEN, name, "LONG", 6, Map.of())), List.of());

    assertThat(AbiDecoder.of(longName.returned(ALICE, TOKEN, encode("name()")), 1).string(0))
        .isEqualTo(name);
    int length = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertThat(longName.slot(TOKEN, Erc20Layout.NAME)).isEqualTo(Word.of(2L * length + 1));
  }

  @Test
  void transferMovesTheBalanceEmitsTransferAndReturnsTrue() {
    ProgramResult.Returned result = returned(world.call(ALICE, TOKEN, transfer(BOB, 300)));

    assertThat(result.returnData()).isEqualTo(new AbiEncoder().bool(true).encode());
    assertThat(result.logs())
        .containsExactly(
            Log.of(
                TOKEN, new AbiEncoder().uint256(300).encode(), TRANSFER, topic(ALICE), topic(BOB)));
    assertThat(world.slot(TOKEN, Erc20Layout.balance(ALICE)))
        .isEqualTo(Word.of(ALICE_BALANCE.subtract(BigInteger.valueOf(300))));
    assertThat(world.slot(TOKEN, Erc20Layout.balance(BOB))).isEqualTo(Word.of(800));
    assertThat(result.writes().keySet())
        .extracting(key -> key.slot())
        .containsExactlyInAnyOrder(Erc20Layout.balance(ALICE), Erc20Layout.balance(BOB));
  }

  @Test
  void theBalanceSlotIsSolcsMappingSlot() {
    // keccak256(pad32(holder) ‖ pad32(0)), computed independently of Slots
    Bytes preimage = Bytes.of(new byte[12]).concat(ALICE.bytes()).concat(Bytes.of(new byte[32]));
    assertThat(Erc20Layout.balance(ALICE)).isEqualTo(Hash.keccak(preimage));
    assertThat(world.slot(TOKEN, Hash.keccak(preimage))).isEqualTo(Word.of(ALICE_BALANCE));
  }

  @Test
  void aTransferBeyondTheBalanceRevertsWithOpenZeppelinsReason() {
    ProgramResult result = world.call(BOB, TOKEN, transfer(ALICE, 501));

    assertThat(result)
        .isEqualTo(
            new ProgramResult.Reverted(
                ProgramGas.CALL + ProgramGas.keccak(2) + ProgramGas.COLD_SLOAD,
                Abi.errorData("ERC20: transfer amount exceeds balance")));
    assertThat(((ProgramResult.Reverted) result).revertData().toHex())
        .isEqualTo(
            "0x08c379a0"
                + "0000000000000000000000000000000000000000000000000000000000000020"
                + "0000000000000000000000000000000000000000000000000000000000000026"
                + "45524332303a207472616e7366657220616d6f756e7420657863656564732062"
                + "616c616e63650000000000000000000000000000000000000000000000000000");
    assertThat(world.slot(TOKEN, Erc20Layout.balance(BOB))).isEqualTo(Word.of(BOB_BALANCE));
  }

  @Test
  void transfersToTheZeroAddressOrFromItRevert() {
    assertThat(world.call(ALICE, TOKEN, transfer(Address.ZERO, 1)))
        .isEqualTo(reverted("ERC20: transfer to the zero address"));
    assertThat(world.call(Address.ZERO, TOKEN, transfer(ALICE, 0)))
        .isEqualTo(reverted("ERC20: transfer from the zero address"));
  }

  @Test
  void aSelfTransferAndAZeroTransferKeepBalancesAndStillEmit() {
    ProgramResult.Returned self = returned(world.call(ALICE, TOKEN, transfer(ALICE, 10)));
    ProgramResult.Returned zero = returned(world.call(ALICE, TOKEN, transfer(CAROL, 0)));

    assertThat(world.uint(ALICE, TOKEN, balanceOf(ALICE))).isEqualTo(ALICE_BALANCE);
    assertThat(world.uint(ALICE, TOKEN, balanceOf(CAROL))).isZero();
    assertThat(self.logs()).hasSize(1);
    assertThat(zero.logs()).hasSize(1);
  }

  @Test
  void approveSetsTheAllowanceAndEmitsApproval() {
    ProgramResult.Returned result = returned(world.call(ALICE, TOKEN, approve(BOB, 70)));

    assertThat(result.returnData()).isEqualTo(new AbiEncoder().bool(true).encode());
    assertThat(result.logs())
        .containsExactly(
            Log.of(
                TOKEN, new AbiEncoder().uint256(70).encode(), APPROVAL, topic(ALICE), topic(BOB)));
    assertThat(world.uint(CAROL, TOKEN, allowance(ALICE, BOB))).isEqualTo(BigInteger.valueOf(70));
    assertThat(world.slot(TOKEN, Erc20Layout.allowance(ALICE, BOB))).isEqualTo(Word.of(70));
    assertThat(world.call(ALICE, TOKEN, approve(Address.ZERO, 1)))
        .isEqualTo(reverted("ERC20: approve to the zero address"));
  }

  @Test
  void transferFromSpendsTheAllowanceAndEmitsOnlyTransfer() {
    world.call(ALICE, TOKEN, approve(BOB, 100));

    ProgramResult.Returned result =
        returned(world.call(BOB, TOKEN, transferFrom(ALICE, CAROL, 60)));

    assertThat(result.logs())
        .containsExactly(
            Log.of(
                TOKEN,
                new AbiEncoder().uint256(60).encode(),
                TRANSFER,
                topic(ALICE),
                topic(CAROL)));
    assertThat(world.uint(CAROL, TOKEN, allowance(ALICE, BOB))).isEqualTo(BigInteger.valueOf(40));
    assertThat(world.uint(CAROL, TOKEN, balanceOf(CAROL))).isEqualTo(BigInteger.valueOf(60));
    assertThat(world.call(BOB, TOKEN, transferFrom(ALICE, CAROL, 41)))
        .isEqualTo(
            reverted(
                "ERC20: insufficient allowance", 2 * ProgramGas.keccak(2) + ProgramGas.COLD_SLOAD));
    // exactly the allowance is fine and leaves zero
    returned(world.call(BOB, TOKEN, transferFrom(ALICE, CAROL, 40)));
    assertThat(world.slot(TOKEN, Erc20Layout.allowance(ALICE, BOB))).isEqualTo(Word.ZERO);
  }

  @Test
  void anOwnerNeedsAnAllowanceForTransferFromToo() {
    assertThat(world.call(ALICE, TOKEN, transferFrom(ALICE, BOB, 1)))
        .isEqualTo(
            reverted(
                "ERC20: insufficient allowance", 2 * ProgramGas.keccak(2) + ProgramGas.COLD_SLOAD));
  }

  @Test
  void theMaximumAllowanceIsInfinite() {
    world.call(ALICE, TOKEN, approve(BOB, MAX));

    returned(world.call(BOB, TOKEN, transferFrom(ALICE, CAROL, 1_000)));

    assertThat(world.uint(CAROL, TOKEN, allowance(ALICE, BOB))).isEqualTo(MAX);
  }

  @Test
  void theAllowanceIsCheckedBeforeTheBalance() {
    world.call(BOB, TOKEN, approve(ALICE, 1_000));

    assertThat(world.call(ALICE, TOKEN, transferFrom(BOB, CAROL, 501)))
        .isInstanceOfSatisfying(
            ProgramResult.Reverted.class,
            r ->
                assertThat(Abi.revertReason(r.revertData()))
                    .contains("ERC20: transfer amount exceeds balance"));
    assertThat(world.uint(CAROL, TOKEN, allowance(BOB, ALICE)))
        .isEqualTo(BigInteger.valueOf(1_000));
  }

  @Test
  void unknownSelectorsShortDataDirtyArgumentsAndValueRevertWithEmptyData() {
    assertThat(world.call(ALICE, TOKEN, Bytes.EMPTY)).isEqualTo(emptyRevert());
    assertThat(world.call(ALICE, TOKEN, Bytes.fromHex("0xa9059c"))).isEqualTo(emptyRevert());
    assertThat(
            world.call(
                ALICE,
                TOKEN,
                encode("mint(address,uint256)", new AbiEncoder().address(ALICE).uint256(1))))
        .isEqualTo(emptyRevert());
    Bytes shortTransfer = transfer(BOB, 1).slice(0, 4 + 32 + 31);
    assertThat(world.call(ALICE, TOKEN, shortTransfer)).isEqualTo(emptyRevert());
    byte[] dirty = transfer(BOB, 1).toArray();
    dirty[4] = 1;
    assertThat(world.call(ALICE, TOKEN, Bytes.of(dirty))).isEqualTo(emptyRevert());
    assertThat(world.call(ALICE, TOKEN, transfer(BOB, 1), ProgramWorld.GAS, Wei.of(1), List.of()))
        .isEqualTo(emptyRevert());
  }

  @Test
  void gasFollowsTheSchedule() {
    long toExisting = returned(world.call(ALICE, TOKEN, transfer(BOB, 1))).gasUsed();
    long toFresh = returned(world.call(ALICE, TOKEN, transfer(CAROL, 1))).gasUsed();
    long drainToExisting = returned(world.call(CAROL, TOKEN, transfer(BOB, 1))).gasUsed();

    long balanceAccess = ProgramGas.keccak(2) + ProgramGas.COLD_SLOAD;
    long log = ProgramGas.log(3, 32);
    assertThat(toExisting)
        .isEqualTo(ProgramGas.CALL + 2 * (balanceAccess + ProgramGas.SSTORE_RESET) + log)
        .isEqualTo(12_840);
    assertThat(toFresh)
        .isEqualTo(
            ProgramGas.CALL
                + balanceAccess
                + ProgramGas.SSTORE_RESET
                + balanceAccess
                + ProgramGas.SSTORE_SET
                + log)
        .isEqualTo(29_940);
    assertThat(drainToExisting).isEqualTo(toExisting); // 1 → 0 is a reset, no refunds
    long view = returned(world.call(ALICE, TOKEN, balanceOf(BOB))).gasUsed();
    assertThat(view).isEqualTo(ProgramGas.CALL + balanceAccess);
  }

  @Test
  void accessListedSlotsAreWarm() {
    List<AccessListEntry> warm =
        List.of(
            new AccessListEntry(
                TOKEN, List.of(Erc20Layout.balance(ALICE), Erc20Layout.balance(BOB))));

    long gas =
        returned(world.call(ALICE, TOKEN, transfer(BOB, 1), ProgramWorld.GAS, Wei.ZERO, warm))
            .gasUsed();

    assertThat(gas).isEqualTo(12_840 - 2 * (ProgramGas.COLD_SLOAD - ProgramGas.WARM_ACCESS));
  }

  @Test
  void outOfGasUsesEverythingAndWritesNothing() {
    assertThat(world.call(ALICE, TOKEN, transfer(BOB, 1), 12_839, Wei.ZERO, List.of()))
        .isEqualTo(new ProgramResult.OutOfGas(12_839));
    assertThat(world.slot(TOKEN, Erc20Layout.balance(BOB))).isEqualTo(Word.of(BOB_BALANCE));
    assertThat(world.call(ALICE, TOKEN, transfer(BOB, 1), 12_840, Wei.ZERO, List.of()))
        .isInstanceOf(ProgramResult.Returned.class);
  }

  static Bytes transfer(Address to, long amount) {
    return encode("transfer(address,uint256)", new AbiEncoder().address(to).uint256(amount));
  }

  static Bytes approve(Address spender, long amount) {
    return approve(spender, BigInteger.valueOf(amount));
  }

  static Bytes approve(Address spender, BigInteger amount) {
    return encode("approve(address,uint256)", new AbiEncoder().address(spender).uint256(amount));
  }

  static Bytes transferFrom(Address from, Address to, long amount) {
    return encode(
        "transferFrom(address,address,uint256)",
        new AbiEncoder().address(from).address(to).uint256(amount));
  }

  static Bytes balanceOf(Address holder) {
    return encode("balanceOf(address)", new AbiEncoder().address(holder));
  }

  static Bytes allowance(Address owner, Address spender) {
    return encode("allowance(address,address)", new AbiEncoder().address(owner).address(spender));
  }

  static Hash topic(Address address) {
    return Hash.of(Bytes.of(new byte[12]).concat(address.bytes()));
  }

  static ProgramResult.Returned returned(ProgramResult result) {
    assertThat(result).isInstanceOf(ProgramResult.Returned.class);
    return (ProgramResult.Returned) result;
  }

  /** A revert with {@code reason} right after the call charge. */
  private static ProgramResult reverted(String reason) {
    return reverted(reason, 0);
  }

  private static ProgramResult reverted(String reason, long gasAfterCall) {
    return new ProgramResult.Reverted(ProgramGas.CALL + gasAfterCall, Abi.errorData(reason));
  }

  private static ProgramResult emptyRevert() {
    return new ProgramResult.Reverted(ProgramGas.CALL, Bytes.EMPTY);
  }
}
