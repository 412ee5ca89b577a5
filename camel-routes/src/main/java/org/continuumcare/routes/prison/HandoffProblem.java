package org.continuumcare.routes.prison;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem document for a refused JSON handoff: 400 when the body is not JSON at all,
 * 422 when it is JSON that breaks the schema or the handoff's rules; {@code errors} lists every
 * field at fault.
 */
public record HandoffProblem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String MALFORMED = "https://continuumcare.org/problems/malformed-json";
  public static final String INVALID = "https://continuumcare.org/problems/invalid-handoff";

  public HandoffProblem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    errors = List.copyOf(errors);
  }

  static HandoffProblem malformed(String detail) {
    return new HandoffProblem(
        MALFORMED, "The request body is not a JSON document", 400, detail, List.of());
  }

  public static HandoffProblem invalid(List<FieldError> errors) {
    return new HandoffProblem(
        INVALID,
        "The handoff is not valid",
        422,
        errors.size()
            + (errors.size() == 1 ? " field is" : " fields are")
            + " invalid; see errors (JSON pointers into the request body)",
        errors);
  }

  /**
   * One field at fault: a JSON pointer (RFC 6901) into the request body and what is wrong there.
   */
  public record FieldError(String pointer, String detail) {
    public FieldError {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
