package org.continuumcare.routes.prison;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;

/**
 * A ConceptMap shipped with the prison routes (classpath {@code prison/conceptmaps/}) for codes the
 * terminology package does not map yet; indexed once, translated by hash lookup like
 * ConceptMapTranslator.
 */
public final class LocalConceptMap {

  private final Map<String, Coding> index = new HashMap<>();

  private LocalConceptMap(ConceptMap map) {
    for (ConceptMap.ConceptMapGroupComponent group : map.getGroup()) {
      for (ConceptMap.SourceElementComponent element : group.getElement()) {
        for (ConceptMap.TargetElementComponent target : element.getTarget()) {
          if (target.getEquivalence() != ConceptMapEquivalence.UNMATCHED
              && target.getEquivalence() != ConceptMapEquivalence.DISJOINT
              && target.hasCode()) {
            index.putIfAbsent(
                group.getSource() + "|" + element.getCode(),
                new Coding(group.getTarget(), target.getCode(), target.getDisplay()));
          }
        }
      }
    }
  }

  /** Loads {@code prison/conceptmaps/<id>.json}. */
  public static LocalConceptMap load(FhirContext fhirContext, String id) {
    String path = "prison/conceptmaps/" + id + ".json";
    try (InputStream in = LocalConceptMap.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + path);
      }
      return new LocalConceptMap(fhirContext.newJsonParser().parseResource(ConceptMap.class, in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first target of a source code, as a new Coding. */
  public Optional<Coding> translate(String sourceSystem, String code) {
    Coding coding = index.get(sourceSystem + "|" + code);
    return coding == null ? Optional.empty() : Optional.of(coding.copy());
  }
}
