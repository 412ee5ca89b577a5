package org.continuumcare.gateway.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCharactersTest {

  @Test
  void unicodeTextWithTabsLineBreaksAndSurrogatePairsIsFine() {
    assertThat(TextCharacters.problem("Zoë\tRivers\r\nwas here 👍")).isEmpty();
    assertThat(TextCharacters.problem(null)).isEmpty();
  }

  @Test
  void aLoneHighSurrogateIsNamedWithItsPosition() {
    assertThat(TextCharacters.problem("Rivers\ud800"))
        .hasValueSatisfying(
            problem ->
                assertThat(problem).contains("unpaired UTF-16 surrogate (U+D800) at character 7"));
  }

  @Test
  void aLoneLowSurrogateIsNamed() {
    assertThat(TextCharacters.problem("\udc00x"))
        .hasValueSatisfying(problem -> assertThat(problem).contains("(U+DC00) at character 1"));
  }

  @Test
  void controlCharactersOtherThanTabAndLineBreaksAreRefused() {
    assertThat(TextCharacters.problem("a\u0000b"))
        .hasValueSatisfying(
            problem -> assertThat(problem).contains("control character U+0000 at character 2"));
    assertThat(TextCharacters.problem("\u001b[31m")).isPresent();
  }

  @Test
  void onlySurrogatesAndNulAreUnstorable() {
    assertThat(TextCharacters.unstorable("a\u0007b\u001b")).isEmpty();
    assertThat(TextCharacters.unstorable("a\u0000b")).isPresent();
    assertThat(TextCharacters.unstorable("\ud800")).isPresent();
  }
}
