package org.continuumcare.routes.partnerjson;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.continuumcare.terminology.ConceptMapIndex;
import org.continuumcare.terminology.Translation;
import org.hl7.fhir.r4.model.ConceptMap;

/**
 * A FHIR ConceptMap kept next to a partner route (not in the terminology package because it maps
 * codes of one partner, or our codes to Task outcomes), indexed once by the terminology module's
 * {@link ConceptMapIndex}: {@code unmatched} and {@code disjoint} targets are not translations.
 */
public final class PartnerCodeMap {

  private final ConceptMapIndex index;

  public PartnerCodeMap(ConceptMap map) {
    this.index = new ConceptMapIndex(map);
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
    return index.url();
  }

  /** Whether the map lists the source code at all (even if it maps to nothing). */
  public boolean lists(String sourceSystem, String code) {
    return index.lists(sourceSystem, code);
  }

  /** The first translation of the code into {@code targetSystem}. */
  public Optional<Translation> translate(String sourceSystem, String code, String targetSystem) {
    return index.translate(sourceSystem, code, targetSystem);
  }
}
