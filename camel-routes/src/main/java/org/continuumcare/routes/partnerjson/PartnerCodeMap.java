package org.continuumcare.routes.partnerjson;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.continuumcare.terminology.Translation;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ConceptMap.ConceptMapGroupComponent;
import org.hl7.fhir.r4.model.ConceptMap.SourceElementComponent;
import org.hl7.fhir.r4.model.ConceptMap.TargetElementComponent;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;

/**
 * A FHIR ConceptMap kept next to a partner route (not in the terminology package because it maps
 * codes of one partner, or our codes to Task outcomes), indexed once. Semantics as the terminology
 * module's translator: {@code unmatched} and {@code disjoint} targets are not translations.
 */
public final class PartnerCodeMap {

  private final String url;
  private final Map<String, List<Translation>> bySource;
  private final Set<String> sourceKeys;

  public PartnerCodeMap(ConceptMap map) {
    this.url = Objects.requireNonNull(map, "map").getUrl();
    Map<String, List<Translation>> index = new HashMap<>();
    for (ConceptMapGroupComponent group : map.getGroup()) {
      for (SourceElementComponent element : group.getElement()) {
        List<Translation> list =
            index.computeIfAbsent(
                key(group.getSource(), element.getCode()), k -> new ArrayList<>());
        for (TargetElementComponent target : element.getTarget()) {
          ConceptMapEquivalence eq = target.getEquivalence();
          if (target.hasCode()
              && eq != ConceptMapEquivalence.UNMATCHED
              && eq != ConceptMapEquivalence.DISJOINT) {
            list.add(
                new Translation(
                    group.getTarget(),
                    target.getCode(),
                    target.getDisplay(),
                    eq,
                    target.getComment()));
          }
        }
      }
    }
    Map<String, List<Translation>> frozen = new HashMap<>();
    index.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    this.bySource = Map.copyOf(frozen);
    this.sourceKeys = Set.copyOf(index.keySet());
  }

  /** Loads a ConceptMap (JSON) from the classpath. */
  public static PartnerCodeMap fromClasspath(String resource) {
    try (InputStream in = PartnerCodeMap.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "ConceptMap resource not found on the classpath: " + resource);
      }
      ConceptMap map =
          FhirContext.forR4Cached().newJsonParser().parseResource(ConceptMap.class, in);
      return new PartnerCodeMap(map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return url;
  }

  /** Whether the map lists the source code at all (even if it maps to nothing). */
  public boolean lists(String sourceSystem, String code) {
    return sourceKeys.contains(key(sourceSystem, code));
  }

  /** The first translation of the code into {@code targetSystem}. */
  public Optional<Translation> translate(String sourceSystem, String code, String targetSystem) {
    return bySource.getOrDefault(key(sourceSystem, code), List.of()).stream()
        .filter(t -> t.system().equals(targetSystem))
        .findFirst();
  }

  private static String key(String system, String code) {
    return system + "|" + code;
  }
}
