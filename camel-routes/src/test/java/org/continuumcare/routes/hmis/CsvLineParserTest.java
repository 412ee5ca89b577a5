package org.continuumcare.routes.hmis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvLineParserTest {

  @Test
  void readsQuotedAndUnquotedFieldsWithEmptyOnes() {
    assertThat(CsvLineParser.parse("\"2615\",1,,2000-08-08 11:11:00,\"\""))
        .containsExactly("2615", "1", "", "2000-08-08 11:11:00", "");
  }

  @Test
  void keepsCommasAndDoubledQuotesInsideQuotedFields() {
    assertThat(CsvLineParser.parse("\"Organization O, \"\"SO\"\"\",x"))
        .containsExactly("Organization O, \"SO\"", "x");
  }

  @Test
  void aTrailingCommaIsAnEmptyLastField() {
    assertThat(CsvLineParser.parse("a,")).containsExactly("a", "");
  }

  @Test
  void rejectsAnUnterminatedQuote() {
    assertThatThrownBy(() -> CsvLineParser.parse("\"E3\",\"h3,101"))
        .hasMessage("unterminated quoted field 2 starting at character 6");
  }

  @Test
  void rejectsTextAfterAClosingQuote() {
    assertThatThrownBy(() -> CsvLineParser.parse("\"1\"01,x"))
        .hasMessage("text after the closing quote of field 1 at character 4");
  }

  @Test
  void rejectsAQuoteInsideAnUnquotedField() {
    assertThatThrownBy(() -> CsvLineParser.parse("ab\"c"))
        .hasMessage("quote inside unquoted field 1 at character 3");
  }
}
