package org.continuumcare.gateway.input;

import java.util.Locale;
import java.util.Optional;

/**
 * Characters a FHIR string may not hold (R4 datatypes: no code points below U+0020 except tab, line
 * feed and carriage return) and text that is not Unicode at all: a UTF-16 surrogate without its
 * pair, which JSON can carry as {@code "\ud800"} but no database can store (it failed the write
 * with a 500). {@link #unstorable} is the part of the rules whose breach the database would refuse
 * anyway (unpaired surrogates, U+0000, which PostgreSQL text cannot hold). Pure.
 */
final class TextCharacters {

  private TextCharacters() {}

  /** What is wrong with {@code text}, naming the character and its position (from 1). */
  static Optional<String> problem(String text) {
    return problem(text, false);
  }

  /** What in {@code text} cannot be stored at all: an unpaired surrogate or U+0000. */
  static Optional<String> unstorable(String text) {
    return problem(text, true);
  }

  private static Optional<String> problem(String text, boolean onlyUnstorable) {
    if (text == null) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of(unpaired(c, i));
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of(unpaired(c, i));
      }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && (c == 0 || !onlyUnstorable)) {
        return Optional.of(
            "holds the control character "
                + codePoint(c)
                + " at character "
                + (i + 1)
                + ": FHIR strings may hold no character below U+0020 but tab, line feed and carriage return");
      }
    }
    return Optional.empty();
  }

  private static String unpaired(char c, int index) {
    return "holds an unpaired UTF-16 surrogate ("
        + codePoint(c)
        + ") at character "
        + (index + 1)
        + ", which is not Unicode text";
  }

  private static String codePoint(char c) {
    return String.format(Locale.ROOT, "U+%04X", (int) c);
  }
}
