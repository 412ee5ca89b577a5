package org.continuumcare.profiles.scoring;

import java.util.Objects;

/**
 * One item of an instrument: its code, whether it must be answered, and what an answer may be.
 * Scale items take integers in [min, max]; text items take free text.
 */
public record ItemSpec(String code, Kind kind, boolean required, int min, int max) {

  public enum Kind {
    SCALE,
    TEXT
  }

  public ItemSpec {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.SCALE && min > max) {
      throw new IllegalArgumentException("min > max for item " + code);
    }
  }

  public static ItemSpec scale(String code, int min, int max) {
    return new ItemSpec(code, Kind.SCALE, true, min, max);
  }

  public static ItemSpec optionalText(String code) {
    return new ItemSpec(code, Kind.TEXT, false, 0, 0);
  }
}
