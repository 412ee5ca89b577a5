package org.continuumcare.routes.prison;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.continuumcare.routes.prison.Hl7v2Segments.Segment;

/**
 * Refuses a message with a field longer than its {@link Hl7v2FieldLimits limit}: AE, one fault per
 * such field (ERR-3 104 "Value too long", 102 before v2.7), at most {@link #MAX_FAULTS}. The
 * reasons give lengths, never content. Such a message must not be sent again unchanged; nothing of
 * it is stored.
 */
final class Hl7v2FieldLengths {

  static final int MAX_FAULTS = 20;

  private final Hl7v2FieldLimits limits;
  private final int smallest;

  Hl7v2FieldLengths(Hl7v2FieldLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.smallest = limits.smallest();
  }

  Optional<HandoffRejection> check(Hl7v2Segments message) {
    List<Hl7v2Fault> faults = new ArrayList<>();
    Map<String, Integer> sequences = new HashMap<>();
    for (Segment segment : message.all()) {
      int sequence = sequences.merge(segment.getName(), 1, Integer::sum);
      for (int field = 1; field <= segment.fieldCount() && faults.size() < MAX_FAULTS; field++) {
        int length = segment.length(field);
        if (length <= smallest) {
          continue;
        }
        int limit = limits.limit(segment.getName(), field);
        if (length > limit) {
          faults.add(
              new Hl7v2Fault(
                  segment.getName(),
                  sequence,
                  field,
                  0,
                  Hl7ErrorCode.VALUE_TOO_LONG,
                  "field is "
                      + length
                      + " characters long, the limit is "
                      + limit
                      + "; correct it before sending the message again"));
        }
      }
    }
    return faults.isEmpty() ? Optional.empty() : Optional.of(HandoffRejection.error(faults));
  }
}
