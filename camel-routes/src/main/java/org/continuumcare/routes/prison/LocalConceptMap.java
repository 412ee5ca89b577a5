package org.continuumcare.routes.prison;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.continuumcare.terminology.ConceptMapIndex;
import org.continuumcare.terminology.Translation;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;

/**
 * A ConceptMap shipped with the prison routes (classpath {@code prison/conceptmaps/}) for codes the
 * terminology package does not map yet; indexed once by the terminology module's {@link
 * ConceptMapIndex}, as ConceptMapTranslator's maps are.
 */
public final class LocalConceptMap {

  private final ConceptMapIndex index;

  private LocalConceptMap(ConceptMap map) {
    this.index = new ConceptMapIndex(map);
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
    return index.translations(sourceSystem, code).stream().findFirst().map(Translation::toCoding);
  }
}
