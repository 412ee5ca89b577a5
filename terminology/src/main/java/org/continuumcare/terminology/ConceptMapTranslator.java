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
 * Translates codes through the ConceptMaps of the terminology package. Each map is indexed once, so
 * a translation is two hash lookups. Targets marked {@code unmatched} or {@code disjoint} are not
 * translations: a source code mapped only to those translates to nothing.
 */
public final class ConceptMapTranslator {

  /**
   * map URL -> "sourceSystem|sourceCode" -> translations in map order (group order, then target
   * order).
   */
  private final Map<String, Map<String, List<Translation>>> index;

  /**
   * map URL -> "sourceSystem|sourceCode" of every source element, translated or not (unmatched,
   * disjoint).
   */
  private final Map<String, Set<String>> listed;

  private final TerminologyPackage terminology;

  public ConceptMapTranslator(TerminologyPackage terminology) {
    this.terminology = Objects.requireNonNull(terminology, "terminology");
    Map<String, Map<String, List<Translation>>> maps = new HashMap<>();
    Map<String, Set<String>> sources = new HashMap<>();
    for (ConceptMap map : terminology.conceptMaps()) {
      maps.put(map.getUrl(), indexOf(map));
      sources.put(map.getUrl(), sourcesOf(map));
    }
    this.index = Map.copyOf(maps);
    this.listed = Map.copyOf(sources);
  }

  /** The translator over the package shipped in this jar, built on first use. */
  public static ConceptMapTranslator shared() {
    return Shared.INSTANCE;
  }

  /**
   * The first translation of a source code in the map, in map order.
   *
   * @param conceptMap ConceptMap canonical URL or id
   * @throws UnknownConceptMapException when the package has no such map
   */
  public Optional<Translation> translate(
      String conceptMap, String sourceSystem, String sourceCode) {
    return translations(conceptMap, sourceSystem, sourceCode).stream().findFirst();
  }

  /** The first translation of a source code into one target code system. */
  public Optional<Translation> translate(
      String conceptMap, String sourceSystem, String sourceCode, String targetSystem) {
    return translations(conceptMap, sourceSystem, sourceCode).stream()
        .filter(t -> t.system().equals(targetSystem))
        .findFirst();
  }

  /** Every translation of a source code in the map, in map order; empty when there is none. */
  public List<Translation> translations(String conceptMap, String sourceSystem, String sourceCode) {
    Map<String, List<Translation>> map = index.get(urlOf(conceptMap));
    if (map == null) {
      throw new UnknownConceptMapException(conceptMap);
    }
    return map.getOrDefault(key(sourceSystem, sourceCode), List.of());
  }

  /**
   * Whether the map lists the source code at all, with a translation or explicitly without one
   * ({@code unmatched} or {@code disjoint} targets): lets a caller tell "the map says no" from "the
   * map does not know this code".
   *
   * @throws UnknownConceptMapException when the package has no such map
   */
  public boolean lists(String conceptMap, String sourceSystem, String sourceCode) {
    Set<String> sources = listed.get(urlOf(conceptMap));
    if (sources == null) {
      throw new UnknownConceptMapException(conceptMap);
    }
    return sources.contains(key(sourceSystem, sourceCode));
  }

  private String urlOf(String conceptMap) {
    return terminology.conceptMap(conceptMap).map(ConceptMap::getUrl).orElse(conceptMap);
  }

  private static Map<String, List<Translation>> indexOf(ConceptMap map) {
    Map<String, List<Translation>> byCode = new HashMap<>();
    for (ConceptMapGroupComponent group : map.getGroup()) {
      for (SourceElementComponent element : group.getElement()) {
        for (TargetElementComponent target : element.getTarget()) {
          if (isTranslation(target)) {
            byCode
                .computeIfAbsent(key(group.getSource(), element.getCode()), k -> new ArrayList<>())
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
    return Map.copyOf(frozen);
  }

  private static Set<String> sourcesOf(ConceptMap map) {
    Set<String> sources = new HashSet<>();
    for (ConceptMapGroupComponent group : map.getGroup()) {
      for (SourceElementComponent element : group.getElement()) {
        sources.add(key(group.getSource(), element.getCode()));
      }
    }
    return Set.copyOf(sources);
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

  private static final class Shared {
    private static final ConceptMapTranslator INSTANCE =
        new ConceptMapTranslator(TerminologyPackage.shared());
  }
}
