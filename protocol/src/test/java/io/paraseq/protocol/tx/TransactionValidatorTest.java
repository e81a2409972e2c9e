package io.paraseq.protocol.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.paraseq.protocol.crypto.PrivateKey;
import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Intrinsic gas, init-code limit, chain and type policy. */
class TransactionValidatorTest {

  private static final PrivateKey KEY =
      PrivateKey.of(Bytes.fromHex("0x" + "11".repeat(32)).toArray()).orElseThrow();
  private static final Optional<Address> TO =
      Optional.of(Address.fromHex("0x3535353535353535353535353535353535353535"));
  private static final TransactionValidator INGRESS =
      new TransactionValidator(ValidationPolicy.userIngress(ChainId.PARASEQ_DEFAULT));

  @Test
  void intrinsicGasCountsBaseDataAccessListAndInitCode() {
    Bytes data = Bytes.of((byte) 0, (byte) 0, (byte) 1);
    AccessListEntry entry = new AccessListEntry(TO.orElseThrow(), List.of(Hash.ZERO, Hash.ZERO));
    assertThat(IntrinsicGas.of(signed(accessList(1_000_000, TO, data, List.of(entry)))))
        .isEqualTo(21_000 + 4 + 4 + 16 + 2_400 + 2 * 1_900);
    Bytes initCode = Bytes.of(new byte[33]);
    assertThat(
            IntrinsicGas.of(signed(accessList(1_000_000, Optional.empty(), initCode, List.of()))))
        .isEqualTo(53_000 + 33 * 4 + 2 * 2);
  }

  @Test
  void gasLimitBelowIntrinsicGasIsRejectedAndEqualPasses() {
    assertThat(reason(INGRESS.validate(signed(accessList(20_999, TO, Bytes.EMPTY, List.of())))))
        .contains(InvalidTransaction.INTRINSIC_GAS_TOO_LOW);
    assertThat(
            INGRESS.validate(signed(accessList(21_000, TO, Bytes.EMPTY, List.of()))).orElseThrow())
        .isEqualTo(21_000L);
    assertThat(INGRESS.validate(signed(accessList(-1L, TO, Bytes.EMPTY, List.of()))).isValid())
        .as("2^64-1 is the largest gas limit, not -1")
        .isTrue();
  }

  @Test
  void initCodeAboveTheEip3860LimitIsRejectedOnlyForCreations() {
    Bytes atLimit = Bytes.of(new byte[IntrinsicGas.MAX_INIT_CODE_SIZE]);
    Bytes overLimit = Bytes.of(new byte[IntrinsicGas.MAX_INIT_CODE_SIZE + 1]);
    long gas = 10_000_000;
    assertThat(
            INGRESS
                .validate(signed(accessList(gas, Optional.empty(), atLimit, List.of())))
                .isValid())
        .isTrue();
    assertThat(
            reason(
                INGRESS.validate(signed(accessList(gas, Optional.empty(), overLimit, List.of())))))
        .contains(InvalidTransaction.INIT_CODE_SIZE_EXCEEDED);
    assertThat(INGRESS.validate(signed(accessList(gas, TO, overLimit, List.of()))).isValid())
        .isTrue();
  }

  @Test
  void ingressChecksChainReplayProtectionAndDeposits() {
    AccessListTransaction otherChain =
        new AccessListTransaction(
            ChainId.MAINNET, 0, Wei.of(1), 21_000, TO, Wei.ZERO, Bytes.EMPTY, List.of());
    assertThat(reason(INGRESS.validate(signed(otherChain))))
        .contains(InvalidTransaction.CHAIN_ID_MISMATCH);
    LegacyTransaction unprotected =
        new LegacyTransaction(0, Wei.of(1), 21_000, TO, Wei.ZERO, Bytes.EMPTY, Optional.empty());
    assertThat(reason(INGRESS.validate(signed(unprotected))))
        .contains(InvalidTransaction.UNPROTECTED_TRANSACTION);
    DepositTransaction deposit =
        new DepositTransaction(
            Hash.ZERO,
            TO.orElseThrow(),
            TO.orElseThrow(),
            Wei.ZERO,
            Wei.ZERO,
            0,
            false,
            Bytes.EMPTY);
    assertThat(reason(INGRESS.validate(deposit))).contains(InvalidTransaction.DEPOSIT_NOT_ALLOWED);
    assertThat(
            new TransactionValidator(new ValidationPolicy(ChainId.PARASEQ_DEFAULT, false, true))
                .validate(deposit)
                .isValid())
        .isTrue();
  }

  @Test
  void verifyRunsTheWholePipeline() {
    SignedTransaction tx = signed(accessList(21_000, TO, Bytes.EMPTY, List.of()));
    VerifiedTransaction verified = INGRESS.verify(tx.encoded()).orElseThrow();
    assertThat(verified.hash()).isEqualTo(tx.hash());
    assertThat(verified.sender()).isEqualTo(TransactionSigner.recoverSender(tx).orElseThrow());
    assertThat(verified.intrinsicGas()).isEqualTo(21_000);
    assertThat(reason(INGRESS.verify(Bytes.of((byte) 3))))
        .contains(InvalidTransaction.TYPE_NOT_SUPPORTED);
  }

  private static AccessListTransaction accessList(
      long gas, Optional<Address> to, Bytes data, List<AccessListEntry> accessList) {
    return new AccessListTransaction(
        ChainId.PARASEQ_DEFAULT, 0, Wei.of(1), gas, to, Wei.ZERO, data, accessList);
  }

  private static SignedTransaction signed(UnsignedTransaction tx) {
    return TransactionSigner.sign(tx, KEY);
  }

  private static Optional<InvalidTransaction> reason(TransactionResult<?> result) {
    return result.rejectionIfInvalid().map(Rejection::reason);
  }
}
