package org.continuumcare.profiles.scoring;

import java.util.Objects;

/** Why an answer cannot be accepted; always names the item. */
public record ItemProblem(String itemCode, Kind kind, String message) {

  public enum Kind {
    UNKNOWN_ITEM,
    DUPLICATE_ANSWER,
    OUT_OF_RANGE,
    WRONG_TYPE
  }

  public ItemProblem {
    Objects.requireNonNull(itemCode, "itemCode");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
