package dev.musket.editor.completion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefixMatchTest {

  @Test
  void tiersGoFromExactPrefixToSubsequence() {
    assertThat(PrefixMatch.tier("lr", "lr")).isEqualTo(0);
    assertThat(PrefixMatch.tier("LRVariator", "lr")).isEqualTo(1);
    assertThat(PrefixMatch.tier("primary_metric", "met")).isEqualTo(2);
    assertThat(PrefixMatch.tier("ReduceLROnPlateau", "plat")).isEqualTo(2);
    assertThat(PrefixMatch.tier("callbacks", "llb")).isEqualTo(3);
    assertThat(PrefixMatch.tier("ReduceLROnPlateau", "rlrop")).isEqualTo(4);
    assertThat(PrefixMatch.tier("batch", "xyz")).isEqualTo(PrefixMatch.NO_MATCH);
  }
}
