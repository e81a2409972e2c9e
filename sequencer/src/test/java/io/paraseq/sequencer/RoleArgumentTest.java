package io.paraseq.sequencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code --role verifier} becomes the property {@code paraseq.role}. */
class RoleArgumentTest {

  @Test
  void rewritesBothFormsAndKeepsTheRest() {
    assertThat(RoleArgument.rewrite(new String[] {"--role", "verifier", "--server.port=1"}))
        .containsExactly("--paraseq.role=verifier", "--server.port=1");
    assertThat(RoleArgument.rewrite(new String[] {"--role=sequencer"}))
        .containsExactly("--paraseq.role=sequencer");
    assertThat(RoleArgument.rewrite(new String[] {"--roles=x"})).containsExactly("--roles=x");
  }

  @Test
  void aRoleFlagWithoutValueIsRefused() {
    assertThatThrownBy(() -> RoleArgument.rewrite(new String[] {"--role"}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
