package org.continuumcare.terminology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.ConceptMap;

/**
 * Translates codes through the ConceptMaps of the terminology package. Each map is indexed once
 * ({@link ConceptMapIndex}), so a translation is two hash lookups. Targets marked {@code unmatched}
 * or {@code disjoint} are not translations: a source code mapped only to those translates to
 * nothing.
 */
public final class ConceptMapTranslator {

  /** map URL -> its index. */
  private final Map<String, ConceptMapIndex> index;

  private final TerminologyPackage terminology;

  public ConceptMapTranslator(TerminologyPackage terminology) {
    this.terminology = Objects.requireNonNull(terminology, "terminology");
    Map<String, ConceptMapIndex> maps = new HashMap<>();
    for (ConceptMap map : terminology.conceptMaps()) {
      maps.put(map.getUrl(), new ConceptMapIndex(map));
    }
    this.index = Map.copyOf(maps);
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
    return map(conceptMap).translate(sourceSystem, sourceCode, targetSystem);
  }

  /** Every translation of a source code in the map, in map order; empty when there is none. */
  public List<Translation> translations(String conceptMap, String sourceSystem, String sourceCode) {
    return map(conceptMap).translations(sourceSystem, sourceCode);
  }

  /**
   * Whether the map lists the source code at all, with a translation or explicitly without one
   * ({@code unmatched} or {@code disjoint} targets): lets a caller tell "the map says no" from "the
   * map does not know this code".
   *
   * @throws UnknownConceptMapException when the package has no such map
   */
  public boolean lists(String conceptMap, String sourceSystem, String sourceCode) {
    return map(conceptMap).lists(sourceSystem, sourceCode);
  }

  private ConceptMapIndex map(String conceptMap) {
    String url = terminology.conceptMap(conceptMap).map(ConceptMap::getUrl).orElse(conceptMap);
    ConceptMapIndex map = index.get(url);
    if (map == null) {
      throw new UnknownConceptMapException(conceptMap);
    }
    return map;
  }

  private static final class Shared {
    private static final ConceptMapTranslator INSTANCE =
        new ConceptMapTranslator(TerminologyPackage.shared());
  }
}
