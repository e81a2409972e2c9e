package io.paraseq.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.rlp.RlpError;
import io.paraseq.protocol.rlp.RlpException;
import io.paraseq.protocol.rlp.RlpWriter;
import io.paraseq.protocol.trie.MerkleTrie;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.math.BigInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Account: the state trie's RLP both ways, strictly, and EIP-161 emptiness. */
class AccountTest {

  private static final String EMPTY_ROOT_HEX =
      "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421";
  private static final String EMPTY_CODE_HEX =
      "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";

  @Provide
  Arbitrary<Account> accounts() {
    return StateArbitraries.accounts();
  }

  @Property
  void encodingRoundTrips(@ForAll("accounts") Account account) {
    assertThat(Account.decode(account.encode())).isEqualTo(account);
  }

  @Test
  void emptyCodeHashIsKeccakOfNothing() {
    assertThat(Account.EMPTY_CODE_HASH).isEqualTo(Hash.fromHex("0x" + EMPTY_CODE_HEX));
    assertThat(Account.EMPTY.storageRoot()).isEqualTo(MerkleTrie.EMPTY_ROOT);
  }

  @Test
  void encodesAsEthereumDoes() {
    // [1, 1 ether, emptyRoot, emptyCodeHash]: 0x01, 0x88 0de0b6b3a7640000, 0xa0 + 32 bytes twice.
    Account account = Account.of(1, Wei.of(1_000_000_000_000_000_000L));
    assertThat(account.encode())
        .isEqualTo(
            Bytes.fromHex("0xf84c01880de0b6b3a7640000a0" + EMPTY_ROOT_HEX + "a0" + EMPTY_CODE_HEX));
    assertThat(Account.EMPTY.encode())
        .isEqualTo(Bytes.fromHex("0xf8448080a0" + EMPTY_ROOT_HEX + "a0" + EMPTY_CODE_HEX));
  }

  @Test
  void nonceIsUnsigned64Bit() {
    Account max = Account.of(-1L, Wei.ZERO);
    assertThat(max.nonceValue()).isEqualTo(BigInteger.TWO.pow(64).subtract(BigInteger.ONE));
    assertThat(Account.decode(max.encode()).nonce()).isEqualTo(-1L);
    assertThat(max.toString()).contains("nonce=18446744073709551615");
  }

  @Test
  void emptinessFollowsEip161() {
    assertThat(Account.EMPTY.isEmpty()).isTrue();
    assertThat(Account.EMPTY.withStorageRoot(Hash.keccak(Bytes.of((byte) 1))).isEmpty()).isTrue();
    assertThat(Account.EMPTY.withNonce(1).isEmpty()).isFalse();
    assertThat(Account.EMPTY.withBalance(Wei.of(1)).isEmpty()).isFalse();
    assertThat(new Account(0, Wei.ZERO, MerkleTrie.EMPTY_ROOT, Hash.ZERO).isEmpty()).isFalse();
  }

  @Test
  void rejectsMalformedEncodings() {
    Bytes root = MerkleTrie.EMPTY_ROOT.bytes();
    Bytes code = Account.EMPTY_CODE_HASH.bytes();
    rejects(list(w -> w.writeLong(1).writeLong(2).writeBytes(root)), RlpError.MISSING_ITEM);
    rejects(
        list(w -> w.writeLong(1).writeLong(2).writeBytes(root).writeBytes(code).writeLong(0)),
        RlpError.TRAILING_BYTES);
    rejects(
        list(
            w ->
                w.writeBytes(Bytes.of((byte) 0, (byte) 1))
                    .writeLong(0)
                    .writeBytes(root)
                    .writeBytes(code)),
        RlpError.LEADING_ZERO_IN_INTEGER);
    rejects(
        list(
            w ->
                w.writeBigInteger(BigInteger.TWO.pow(64))
                    .writeLong(0)
                    .writeBytes(root)
                    .writeBytes(code)),
        RlpError.INTEGER_TOO_LARGE);
    rejects(
        list(
            w ->
                w.writeLong(0)
                    .writeBigInteger(BigInteger.TWO.pow(256))
                    .writeBytes(root)
                    .writeBytes(code)),
        RlpError.INTEGER_TOO_LARGE);
    rejects(
        list(w -> w.writeLong(0).writeLong(0).writeBytes(root.slice(0, 31)).writeBytes(code)),
        RlpError.WRONG_LENGTH);
    rejects(
        list(w -> w.writeLong(0).writeLong(0).writeBytes(root).writeBytes(code.concat(code))),
        RlpError.WRONG_LENGTH);
    rejects(Account.EMPTY.encode().concat(Bytes.of((byte) 0x80)), RlpError.TRAILING_BYTES);
    rejects(new RlpWriter().writeBytes(code).toBytes(), RlpError.EXPECTED_LIST);
    rejects(Bytes.EMPTY, RlpError.INPUT_EMPTY);
    Bytes good = Account.EMPTY.encode();
    rejects(good.slice(0, good.length() - 1), RlpError.TRUNCATED);
  }

  private static Bytes list(java.util.function.Consumer<RlpWriter> fields) {
    RlpWriter writer = new RlpWriter().startList();
    fields.accept(writer);
    return writer.endList().toBytes();
  }

  private static void rejects(Bytes encoded, RlpError error) {
    assertThatThrownBy(() -> Account.decode(encoded))
        .isInstanceOf(RlpException.class)
        .extracting(e -> ((RlpException) e).error())
        .isEqualTo(error);
  }
}
