package io.paraseq.protocol.program;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.protocol.types.Address;
import io.paraseq.protocol.types.Bytes;
import java.math.BigInteger;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The ABI codec: known selectors and encodings, round trips, and solc's strict decoding. */
class AbiTest {

  private static final Address HOLDER =
      Address.fromHex("0x00000000000000000000000000000000000000aa");

  @Test
  void selectorsAndTopicsAreTheWellKnownOnes() {
    assertThat(Abi.selector("transfer(address,uint256)")).isEqualTo(0xa9059cbb);
    assertThat(Abi.selector("balanceOf(address)")).isEqualTo(0x70a08231);
    assertThat(Abi.selector("approve(address,uint256)")).isEqualTo(0x095ea7b3);
    assertThat(Abi.selector("transferFrom(address,address,uint256)")).isEqualTo(0x23b872dd);
    assertThat(Abi.selector("allowance(address,address)")).isEqualTo(0xdd62ed3e);
    assertThat(Abi.selector("getReserves()")).isEqualTo(0x0902f1ac);
    assertThat(Abi.ERROR_SELECTOR).isEqualTo(0x08c379a0);
    assertThat(Abi.eventTopic("Transfer(address,address,uint256)").toString())
        .isEqualTo("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
    assertThat(Abi.eventTopic("Sync(uint112,uint112)").toString())
        .isEqualTo("0x1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1");
    assertThat(Abi.eventTopic("Swap(address,uint256,uint256,uint256,uint256,address)").toString())
        .isEqualTo("0xd78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822");
  }

  @Test
  void errorDataIsTheSolidityDocumentationsExample() {
    assertThat(Abi.errorData("Not enough Ether provided."))
        .isEqualTo(
            Bytes.fromHex(
                "0x08c379a0"
                    + "0000000000000000000000000000000000000000000000000000000000000020"
                    + "000000000000000000000000000000000000000000000000000000000000001a"
                    + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000"));
    assertThat(Abi.revertReason(Abi.errorData("Not enough Ether provided.")))
        .contains("Not enough Ether provided.");
    assertThat(Abi.revertReason(Bytes.EMPTY)).isEmpty();
    assertThat(Abi.revertReason(Bytes.fromHex("0x08c379a0"))).isEmpty();
  }

  @Test
  void callDataOfATransferIsSelectorAddressAndAmount() {
    Bytes data =
        new AbiEncoder()
            .address(HOLDER)
            .uint256(BigInteger.TEN)
            .encodeWithSelector(Abi.selector("transfer(address,uint256)"));

    assertThat(data.toHex())
        .isEqualTo(
            "0xa9059cbb"
                + "00000000000000000000000000000000000000000000000000000000000000aa"
                + "000000000000000000000000000000000000000000000000000000000000000a");
    AbiDecoder args = AbiDecoder.arguments(data, 2);
    assertThat(args.address(0)).isEqualTo(HOLDER);
    assertThat(args.uint256(1)).isEqualTo(BigInteger.TEN);
  }

  @Test
  void mixedStaticAndDynamicValuesPutTheStringInTheTail() {
    Bytes encoded = new AbiEncoder().uint256(1).string("ab").bool(true).encode();

    assertThat(encoded.toHex())
        .isEqualTo(
            "0x"
                + "0000000000000000000000000000000000000000000000000000000000000001"
                + "0000000000000000000000000000000000000000000000000000000000000060"
                + "0000000000000000000000000000000000000000000000000000000000000001"
                + "0000000000000000000000000000000000000000000000000000000000000002"
                + "6162000000000000000000000000000000000000000000000000000000000000");
  }

  @Property
  void tuplesRoundTrip(
      @ForAll("addresses") Address address,
      @ForAll("uint256s") BigInteger amount,
      @ForAll boolean flag,
      @ForAll String text,
      @ForAll("uint112s") BigInteger reserve) {
    Bytes data =
        new AbiEncoder()
            .address(address)
            .string(text)
            .uint256(amount)
            .bool(flag)
            .uint(reserve, 112)
            .encodeWithSelector(0x12345678);

    AbiDecoder args = AbiDecoder.arguments(data, 5);
    assertThat(Abi.selectorOf(data)).isEqualTo(Optional.of(0x12345678));
    assertThat(args.address(0)).isEqualTo(address);
    assertThat(args.string(1)).isEqualTo(new String(text.getBytes(UTF_8), UTF_8));
    assertThat(args.uint256(2)).isEqualTo(amount);
    assertThat(args.bool(3)).isEqualTo(flag);
    assertThat(args.uint(4, 112)).isEqualTo(reserve);
  }

  @Test
  void tooShortCallDataIsRefused() {
    Bytes oneWordShort =
        Bytes.fromHex("0xa9059cbb00000000000000000000000000000000000000000000000000000000000000aa");

    assertThatThrownBy(() -> AbiDecoder.arguments(oneWordShort, 2))
        .isInstanceOf(AbiException.class)
        .hasMessageContaining("shorter");
  }

  @Test
  void extraBytesAfterTheHeadsAreIgnoredAsSolcDoes() {
    Bytes data = new AbiEncoder().address(HOLDER).encodeWithSelector(1).concat(Bytes.of((byte) 7));

    assertThat(AbiDecoder.arguments(data, 1).address(0)).isEqualTo(HOLDER);
  }

  @Test
  void dirtyHighBitsOfAnAddressBoolOrSmallUintAreRefused() {
    Bytes dirtyAddress =
        Bytes.fromHex("0x0000000000000000000000010000000000000000000000000000000000000000");
    Bytes two = new AbiEncoder().uint256(2).encode();
    Bytes big = new AbiEncoder().uint256(256).encode();

    assertThatThrownBy(() -> AbiDecoder.of(dirtyAddress, 1).address(0))
        .isInstanceOf(AbiException.class);
    assertThatThrownBy(() -> AbiDecoder.of(two, 1).bool(0)).isInstanceOf(AbiException.class);
    assertThatThrownBy(() -> AbiDecoder.of(big, 1).uint(0, 8)).isInstanceOf(AbiException.class);
    assertThat(AbiDecoder.of(big, 1).uint(0, 16)).isEqualTo(BigInteger.valueOf(256));
  }

  @Test
  void aStringWhoseOffsetOrLengthLeavesTheDataIsRefused() {
    Bytes good = new AbiEncoder().string("hello").encode();
    byte[] badOffset = good.toArray();
    badOffset[31] = (byte) 0x60;
    byte[] badLength = good.toArray();
    badLength[63] = (byte) 33;
    byte[] hugeOffset = good.toArray();
    hugeOffset[0] = 1;

    assertThat(AbiDecoder.of(good, 1).string(0)).isEqualTo("hello");
    assertThatThrownBy(() -> AbiDecoder.of(Bytes.of(badOffset), 1).string(0))
        .isInstanceOf(AbiException.class);
    assertThatThrownBy(() -> AbiDecoder.of(Bytes.of(badLength), 1).string(0))
        .isInstanceOf(AbiException.class);
    assertThatThrownBy(() -> AbiDecoder.of(Bytes.of(hugeOffset), 1).string(0))
        .isInstanceOf(AbiException.class);
  }

  @Test
  void encoderRefusesValuesOutsideTheirType() {
    assertThatThrownBy(() -> new AbiEncoder().uint(BigInteger.ONE.shiftLeft(112), 112))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AbiEncoder().uint256(BigInteger.ONE.negate()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Provide
  Arbitrary<Address> addresses() {
    return Arbitraries.bytes().array(byte[].class).ofSize(20).map(b -> Address.of(Bytes.of(b)));
  }

  @Provide
  Arbitrary<BigInteger> uint256s() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
  }

  @Provide
  Arbitrary<BigInteger> uint112s() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(112).subtract(BigInteger.ONE));
  }
}
