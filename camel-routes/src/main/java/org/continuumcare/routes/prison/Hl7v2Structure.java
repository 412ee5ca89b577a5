package org.continuumcare.routes.prison;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.continuumcare.routes.prison.Hl7v2Segments.Segment;

/**
 * The segment structure of a release handoff, checked before any field is read: one message (one
 * MSH); the segments the trigger event requires (ADT^A03: EVN, PID, PV1; ADT^A04/A08/A16 and the
 * cancels A11/A12/A13/A25: PID, PV1), each once and in the standard's order (EVN, PID, PV1). A
 * message cut short (a sender's buffer, a copy-paste) lacks PV1 or more and is refused with AR,
 * ERR-3 100 "Segment sequence error" naming the segment, instead of being stored as a handoff with
 * whatever was left.
 *
 * <p>EVN is required by HL7 for every ADT event but is tolerated when absent in A04/A08 (real
 * senders omit it, e.g. the ADT04-251 sample); the handoff needs it only for an A03's release date
 * fallback. A cut inside the last required segment (or after it) cannot be told from a shorter
 * message: the field checks of {@link PrisonHl7v2HandoffMapper} (PID-3, dates) and the release date
 * rules still apply.
 */
final class Hl7v2Structure {

  private static final List<String> ORDER = List.of("EVN", "PID", "PV1");
  private static final Map<String, List<String>> REQUIRED =
      Map.of(
          "A03", List.of("EVN", "PID", "PV1"),
          "A04", List.of("PID", "PV1"),
          "A08", List.of("PID", "PV1"),
          "A16", List.of("PID", "PV1"),
          "A11", List.of("PID", "PV1"),
          "A12", List.of("PID", "PV1"),
          "A13", List.of("PID", "PV1"),
          "A25", List.of("PID", "PV1"));
  private static final Set<String> SINGLE = Set.of("MSH", "EVN", "PID", "PV1");

  Optional<HandoffRejection> check(Hl7v2Header header, Hl7v2Segments message) {
    List<Hl7v2Fault> faults = new ArrayList<>();
    Map<String, Integer> firstIndex = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    List<Segment> segments = message.all();
    for (int i = 0; i < segments.size(); i++) {
      String id = segments.get(i).getName();
      int count = counts.merge(id, 1, Integer::sum);
      firstIndex.putIfAbsent(id, i);
      if (count == 2 && SINGLE.contains(id)) {
        faults.add(
            new Hl7v2Fault(
                id,
                2,
                0,
                0,
                Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR,
                "MSH".equals(id)
                    ? "a second MSH: send one message per frame or request (batches are not accepted)"
                    : "segment "
                        + id
                        + " occurs more than once: an ADT^"
                        + header.triggerEvent()
                        + " has one"));
      }
    }
    for (String id : REQUIRED.getOrDefault(header.triggerEvent(), List.of())) {
      if (!firstIndex.containsKey(id)) {
        faults.add(
            Hl7v2Fault.segment(
                id,
                Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR,
                "required segment "
                    + id
                    + " of ADT^"
                    + header.triggerEvent()
                    + " is missing (truncated message?)"));
      }
    }
    String previous = null;
    for (String id : ORDER) {
      Integer index = firstIndex.get(id);
      if (index == null) {
        continue;
      }
      if (previous != null && index < firstIndex.get(previous)) {
        faults.add(
            Hl7v2Fault.segment(
                id,
                Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR,
                "segment " + id + " comes before " + previous + ": the order is EVN, PID, PV1"));
      }
      previous = id;
    }
    return faults.isEmpty()
        ? Optional.empty()
        : Optional.of(new HandoffRejection(HandoffRejection.AckCode.AR, faults));
  }
}
