package org.continuumcare.profiles.scoring;

import java.util.Objects;

/** One answer given to one instrument item, as the scorer sees it (no FHIR types). */
public sealed interface Answer permits Answer.Numeric, Answer.Text, Answer.Other {

  /** The item code (= Questionnaire linkId, = code in CodeSystem recovery-capital-item). */
  String itemCode();

  /** A numeric answer: an agreement-scale code ("1".."6") or an integer rating. */
  record Numeric(String itemCode, int value) implements Answer {
    public Numeric {
      Objects.requireNonNull(itemCode, "itemCode");
    }
  }

  /** A free-text answer (notes, the client's own goal). */
  record Text(String itemCode, String value) implements Answer {
    public Text {
      Objects.requireNonNull(itemCode, "itemCode");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * An answer of a type no item accepts (a date, a non-numeric code ...); kept so the scorer can
   * name it.
   */
  record Other(String itemCode, String typeName) implements Answer {
    public Other {
      Objects.requireNonNull(itemCode, "itemCode");
      Objects.requireNonNull(typeName, "typeName");
    }
  }

  static Numeric numeric(String itemCode, int value) {
    return new Numeric(itemCode, value);
  }

  static Text text(String itemCode, String value) {
    return new Text(itemCode, value);
  }
}
