package org.continuumcare.terminology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ConceptMap.ConceptMapGroupComponent;
import org.hl7.fhir.r4.model.ConceptMap.SourceElementComponent;
import org.hl7.fhir.r4.model.ConceptMap.TargetElementComponent;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;

/**
 * One ConceptMap indexed once, so a translation is a hash lookup: the one lookup behind {@link
 * ConceptMapTranslator} (the package's maps) and the maps kept next to a partner's code. Targets
 * marked {@code unmatched} or {@code disjoint} are not translations: a source code mapped only to
 * those translates to nothing, but the map still {@link #lists} it.
 */
public final class ConceptMapIndex {

  private final String url;

  /** "sourceSystem|sourceCode" -> translations in map order (group order, then target order). */
  private final Map<String, List<Translation>> bySource;

  /** "sourceSystem|sourceCode" of every source element, translated or not. */
  private final Set<String> listed;

  public ConceptMapIndex(ConceptMap map) {
    this.url = Objects.requireNonNull(map, "map").getUrl();
    Map<String, List<Translation>> byCode = new HashMap<>();
    Set<String> sources = new HashSet<>();
    for (ConceptMapGroupComponent group : map.getGroup()) {
      for (SourceElementComponent element : group.getElement()) {
        String key = key(group.getSource(), element.getCode());
        sources.add(key);
        for (TargetElementComponent target : element.getTarget()) {
          if (isTranslation(target)) {
            byCode
                .computeIfAbsent(key, k -> new ArrayList<>())
                .add(
                    new Translation(
                        group.getTarget(),
                        target.getCode(),
                        target.getDisplay(),
                        target.getEquivalence(),
                        target.getComment()));
          }
        }
      }
    }
    Map<String, List<Translation>> frozen = new HashMap<>();
    byCode.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    this.bySource = Map.copyOf(frozen);
    this.listed = Set.copyOf(sources);
  }

  /** The map's canonical URL. */
  public String url() {
    return url;
  }

  /** Every translation of a source code, in map order; empty when there is none. */
  public List<Translation> translations(String sourceSystem, String sourceCode) {
    return bySource.getOrDefault(key(sourceSystem, sourceCode), List.of());
  }

  /** The first translation of a source code into one target code system. */
  public Optional<Translation> translate(
      String sourceSystem, String sourceCode, String targetSystem) {
    return translations(sourceSystem, sourceCode).stream()
        .filter(t -> t.system().equals(targetSystem))
        .findFirst();
  }

  /**
   * Whether the map lists the source code at all, with a translation or explicitly without one:
   * lets a caller tell "the map says no" from "the map does not know this code".
   */
  public boolean lists(String sourceSystem, String sourceCode) {
    return listed.contains(key(sourceSystem, sourceCode));
  }

  private static boolean isTranslation(TargetElementComponent target) {
    ConceptMapEquivalence equivalence = target.getEquivalence();
    return target.hasCode()
        && equivalence != ConceptMapEquivalence.UNMATCHED
        && equivalence != ConceptMapEquivalence.DISJOINT;
  }

  private static String key(String system, String code) {
    return system + "|" + code;
  }
}
