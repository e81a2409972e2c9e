package io.paraseq.contracts;

import static io.paraseq.contracts.RollupHarness.GENESIS_ROOT;
import static io.paraseq.contracts.RollupHarness.NEW_OWNER;
import static io.paraseq.contracts.RollupHarness.OWNER;
import static io.paraseq.contracts.RollupHarness.SECOND_SEQUENCER;
import static io.paraseq.contracts.RollupHarness.SEQUENCER;
import static io.paraseq.contracts.RollupHarness.STRANGER;
import static io.paraseq.contracts.RollupHarness.firstBatch;
import static io.paraseq.contracts.testing.Reverts.assertReverts;
import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.contracts.generated.Rollup;
import io.paraseq.contracts.testing.AnvilFixture;
import io.paraseq.contracts.testing.Reverts;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.abi.CustomErrorEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.CustomError;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Rollup administration: construction checks, the sequencer allow-list and two-step ownership. */
class RollupAdminTest {

  @RegisterExtension static final AnvilFixture anvil = AnvilFixture.start();

  private static final Address ZERO = Address.DEFAULT;

  private RollupHarness rollup;

  @BeforeEach
  void deployFresh() throws Exception {
    rollup = new RollupHarness(anvil);
  }

  @Test
  void generatedErrorConstantsMatchTheSignatures() {
    List<CustomError> errors =
        List.of(
            Rollup.NOTOWNER_ERROR,
            Rollup.NOTPENDINGOWNER_ERROR,
            Rollup.NOTSEQUENCER_ERROR,
            Rollup.ZEROADDRESS_ERROR,
            Rollup.ZEROSTATEROOT_ERROR,
            Rollup.ALREADYSEQUENCER_ERROR,
            Rollup.UNKNOWNSEQUENCER_ERROR,
            Rollup.WRONGSEQ_ERROR,
            Rollup.WRONGPREVSTATEROOT_ERROR,
            Rollup.WRONGFIRSTBLOCK_ERROR,
            Rollup.INVALIDBLOCKRANGE_ERROR,
            Rollup.DEPOSITCURSORDECREASED_ERROR,
            Rollup.EMPTYBATCHDATA_ERROR,
            Rollup.UNKNOWNBATCH_ERROR);
    List<String> signatures =
        List.of(
            "NotOwner(address)",
            "NotPendingOwner(address)",
            "NotSequencer(address)",
            "ZeroAddress()",
            "ZeroStateRoot()",
            "AlreadySequencer(address)",
            "UnknownSequencer(address)",
            "WrongSeq(uint64,uint64)",
            "WrongPrevStateRoot(bytes32,bytes32)",
            "WrongFirstBlock(uint64,uint64)",
            "InvalidBlockRange(uint64,uint64)",
            "DepositCursorDecreased(uint64,uint64)",
            "EmptyBatchData()",
            "UnknownBatch(uint64)");
    for (int i = 0; i < errors.size(); i++) {
      assertThat(CustomErrorEncoder.encode(errors.get(i)).substring(0, 10))
          .as(signatures.get(i))
          .isEqualTo(Reverts.selector(signatures.get(i)));
    }
    assertThat(signatures.stream().map(Reverts::selector).distinct()).hasSize(signatures.size());
  }

  @Test
  void constructorRejectsZeroOwnerSequencerOrRoot() {
    String from = rollup.address(OWNER);
    String owner = rollup.address(OWNER);
    String sequencer = rollup.address(SEQUENCER);
    assertThat(deployRevert(from, new Address(ZERO.getValue()), sequencer, GENESIS_ROOT))
        .isEqualTo(Reverts.encode("ZeroAddress()"));
    assertThat(deployRevert(from, new Address(owner), ZERO.getValue(), GENESIS_ROOT))
        .isEqualTo(Reverts.encode("ZeroAddress()"));
    assertThat(deployRevert(from, new Address(owner), sequencer, new byte[32]))
        .isEqualTo(Reverts.encode("ZeroStateRoot()"));
  }

  @Test
  void ownerAddsAndRemovesSequencers() throws Exception {
    String second = rollup.address(SECOND_SEQUENCER);
    TransactionReceipt added = rollup.asOwner.addSequencer(second).send();
    assertThat(Rollup.getSequencerAddedEvents(added))
        .singleElement()
        .satisfies(e -> assertThat(e.sequencer).isEqualToIgnoringCase(second));
    assertThat(rollup.asOwner.isSequencer(second).send()).isTrue();

    // The added sequencer can append.
    firstBatch().appendAs(rollup.as(SECOND_SEQUENCER));

    TransactionReceipt removed = rollup.asOwner.removeSequencer(second).send();
    assertThat(Rollup.getSequencerRemovedEvents(removed))
        .singleElement()
        .satisfies(e -> assertThat(e.sequencer).isEqualToIgnoringCase(second));
    assertThat(rollup.asOwner.isSequencer(second).send()).isFalse();
  }

  @Test
  void removedSequencerCannotAppend() throws Exception {
    rollup.asOwner.removeSequencer(rollup.address(SEQUENCER)).send();
    assertReverts(
        () -> firstBatch().appendAs(rollup.as(SEQUENCER)),
        "NotSequencer(address)",
        new Address(rollup.address(SEQUENCER)));
  }

  @Test
  void rejectsDuplicateAddAndUnknownRemove() {
    String sequencer = rollup.address(SEQUENCER);
    assertReverts(
        () -> rollup.asOwner.addSequencer(sequencer).send(),
        "AlreadySequencer(address)",
        new Address(sequencer));
    String stranger = rollup.address(STRANGER);
    assertReverts(
        () -> rollup.asOwner.removeSequencer(stranger).send(),
        "UnknownSequencer(address)",
        new Address(stranger));
  }

  @Test
  void rejectsZeroAddress() {
    assertReverts(() -> rollup.asOwner.addSequencer(ZERO.getValue()).send(), "ZeroAddress()");
    assertReverts(() -> rollup.asOwner.transferOwnership(ZERO.getValue()).send(), "ZeroAddress()");
  }

  @Test
  void adminFunctionsRejectNonOwners() {
    for (int caller : new int[] {STRANGER, SEQUENCER}) {
      Rollup r = rollup.as(caller);
      Address who = new Address(rollup.address(caller));
      String target = rollup.address(SECOND_SEQUENCER);
      assertReverts(() -> r.addSequencer(target).send(), "NotOwner(address)", who);
      assertReverts(
          () -> r.removeSequencer(rollup.address(SEQUENCER)).send(), "NotOwner(address)", who);
      assertReverts(() -> r.transferOwnership(target).send(), "NotOwner(address)", who);
    }
  }

  @Test
  void ownershipMovesInTwoSteps() throws Exception {
    String oldOwner = rollup.address(OWNER);
    String newOwner = rollup.address(NEW_OWNER);

    // Nothing pending yet: nobody can accept.
    assertReverts(
        () -> rollup.as(NEW_OWNER).acceptOwnership().send(),
        "NotPendingOwner(address)",
        new Address(newOwner));

    TransactionReceipt started = rollup.asOwner.transferOwnership(newOwner).send();
    assertThat(Rollup.getOwnershipTransferStartedEvents(started))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.previousOwner).isEqualToIgnoringCase(oldOwner);
              assertThat(e.newOwner).isEqualToIgnoringCase(newOwner);
            });
    assertThat(rollup.asOwner.pendingOwner().send()).isEqualToIgnoringCase(newOwner);
    assertThat(rollup.asOwner.owner().send()).isEqualToIgnoringCase(oldOwner);

    // Neither a stranger nor the current owner can complete it.
    for (int wrong : new int[] {STRANGER, OWNER}) {
      assertReverts(
          () -> rollup.as(wrong).acceptOwnership().send(),
          "NotPendingOwner(address)",
          new Address(rollup.address(wrong)));
    }

    TransactionReceipt accepted = rollup.as(NEW_OWNER).acceptOwnership().send();
    assertThat(Rollup.getOwnershipTransferredEvents(accepted))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.previousOwner).isEqualToIgnoringCase(oldOwner);
              assertThat(e.newOwner).isEqualToIgnoringCase(newOwner);
            });
    assertThat(rollup.asOwner.owner().send()).isEqualToIgnoringCase(newOwner);
    assertThat(rollup.asOwner.pendingOwner().send()).isEqualTo(ZERO.getValue());

    // The old owner has lost its rights; the new one has them.
    String second = rollup.address(SECOND_SEQUENCER);
    assertReverts(
        () -> rollup.asOwner.addSequencer(second).send(),
        "NotOwner(address)",
        new Address(oldOwner));
    rollup.as(NEW_OWNER).addSequencer(second).send();
    assertThat(rollup.asOwner.isSequencer(second).send()).isTrue();
    // The acceptance cannot be replayed.
    assertReverts(
        () -> rollup.as(NEW_OWNER).acceptOwnership().send(),
        "NotPendingOwner(address)",
        new Address(newOwner));
  }

  @Test
  void laterProposalReplacesEarlierOne() throws Exception {
    rollup.asOwner.transferOwnership(rollup.address(STRANGER)).send();
    rollup.asOwner.transferOwnership(rollup.address(NEW_OWNER)).send();
    assertReverts(
        () -> rollup.as(STRANGER).acceptOwnership().send(),
        "NotPendingOwner(address)",
        new Address(rollup.address(STRANGER)));
    rollup.as(NEW_OWNER).acceptOwnership().send();
    assertThat(rollup.asOwner.owner().send()).isEqualToIgnoringCase(rollup.address(NEW_OWNER));
  }

  private String deployRevert(String from, Address owner, String sequencer, byte[] root) {
    @SuppressWarnings("rawtypes") // web3j's encoder takes a raw List<Type>
    List<Type> args =
        List.of(
            owner,
            new Address(sequencer),
            new Bytes32(root),
            new org.web3j.abi.datatypes.generated.Uint64(RollupHarness.CHALLENGE_PERIOD));
    String data = "0x" + Rollup.BINARY + FunctionEncoder.encodeConstructor(args);
    return Reverts.callRevertData(anvil.web3j(), from, null, data);
  }
}
