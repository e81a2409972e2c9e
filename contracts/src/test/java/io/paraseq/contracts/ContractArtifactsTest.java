package io.paraseq.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paraseq.contracts.generated.Rollup;
import org.junit.jupiter.api.Test;

class ContractArtifactsTest {

  @Test
  void shipsTheRollupBytecodeAndAbi() {
    assertThat(ContractArtifacts.bytecode("Rollup")).isEqualTo(Rollup.BINARY).matches("[0-9a-f]+");
    assertThat(ContractArtifacts.abi("Rollup"))
        .startsWith("[")
        .contains("\"appendBatch\"")
        .contains("\"BatchAppended\"");
  }

  @Test
  void shipsTheNativeProgramInterfacesAsAbiOnly() {
    assertThat(ContractArtifacts.abi("IParaseqToken"))
        .contains("\"transferFrom\"")
        .contains("\"Approval\"");
    assertThat(ContractArtifacts.abi("IParaseqPair")).contains("\"swap\"").contains("\"Sync\"");
    assertThatThrownBy(() -> ContractArtifacts.bytecode("IParaseqToken"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no compiled contract IParaseqToken");
  }

  @Test
  void rejectsUnknownOrOddNames() {
    assertThatThrownBy(() -> ContractArtifacts.bytecode("Nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no compiled contract Nope");
    assertThatThrownBy(() -> ContractArtifacts.abi("../x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
