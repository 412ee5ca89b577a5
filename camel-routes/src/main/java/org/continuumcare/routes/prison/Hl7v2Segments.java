package org.continuumcare.routes.prison;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.util.Terser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The segments of a parsed message by id, in message order, wherever the structure put them (groups,
 * non-standard positions such as RXE inside an ADT), with null-safe field access.
 */
final class Hl7v2Segments {

    private final Map<String, List<Segment>> byId = new HashMap<>();

    private Hl7v2Segments() {
    }

    static Hl7v2Segments of(Message message) {
        Hl7v2Segments segments = new Hl7v2Segments();
        try {
            segments.collect(message);
        } catch (HL7Exception e) {
            throw new IllegalStateException("cannot walk the parsed message structure", e);
        }
        return segments;
    }

    private void collect(Group group) throws HL7Exception {
        for (String name : group.getNames()) {
            for (Structure structure : group.getAll(name)) {
                if (structure instanceof Segment segment) {
                    if (!segment.isEmpty()) {
                        byId.computeIfAbsent(segment.getName(), k -> new ArrayList<>()).add(segment);
                    }
                } else if (structure instanceof Group child) {
                    collect(child);
                }
            }
        }
    }

    List<Segment> all(String id) {
        return byId.getOrDefault(id, List.of());
    }

    Segment first(String id) {
        List<Segment> list = all(id);
        return list.isEmpty() ? null : list.get(0);
    }

    /** Field value (1-based field, 0-based repetition, 1-based component and subcomponent); null when blank. */
    static String get(Segment segment, int field, int repetition, int component, int subcomponent) {
        if (segment == null) {
            return null;
        }
        try {
            if (field > segment.numFields() || repetition >= segment.getField(field).length) {
                return null;
            }
            String value = Terser.get(segment, field, repetition, component, subcomponent);
            return value == null || value.isBlank() ? null : value.trim();
        } catch (HL7Exception | RuntimeException e) {
            return null;
        }
    }

    static String get(Segment segment, int field, int component) {
        return get(segment, field, 0, component, 1);
    }

    static int repetitions(Segment segment, int field) {
        if (segment == null) {
            return 0;
        }
        try {
            return field > segment.numFields() ? 0 : segment.getField(field).length;
        } catch (HL7Exception e) {
            return 0;
        }
    }
}
