package org.continuumcare.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CodeSystems, ValueSets and ConceptMaps of the continuumcare.terminology FHIR package, parsed
 * once from the package tgz. Immutable after construction; safe to share between threads.
 */
public final class TerminologyPackage {

  private static final Logger log = LoggerFactory.getLogger(TerminologyPackage.class);

  private final String name;
  private final String version;
  private final Map<String, CodeSystem> codeSystems;
  private final Map<String, ValueSet> valueSets;
  private final Map<String, ConceptMap> conceptMaps;

  private TerminologyPackage(
      String name,
      String version,
      Map<String, CodeSystem> codeSystems,
      Map<String, ValueSet> valueSets,
      Map<String, ConceptMap> conceptMaps) {
    this.name = name;
    this.version = version;
    this.codeSystems = Map.copyOf(codeSystems);
    this.valueSets = Map.copyOf(valueSets);
    this.conceptMaps = Map.copyOf(conceptMaps);
  }

  /** A package of the given resources (tests, and packages assembled in memory). */
  static TerminologyPackage of(
      String name,
      String version,
      Collection<CodeSystem> codeSystems,
      Collection<ValueSet> valueSets,
      Collection<ConceptMap> conceptMaps) {
    Map<String, CodeSystem> cs = new LinkedHashMap<>();
    codeSystems.forEach(c -> cs.put(c.getUrl(), c));
    Map<String, ValueSet> vs = new LinkedHashMap<>();
    valueSets.forEach(v -> vs.put(v.getUrl(), v));
    Map<String, ConceptMap> cm = new LinkedHashMap<>();
    conceptMaps.forEach(c -> cm.put(c.getUrl(), c));
    return new TerminologyPackage(name, version, cs, vs, cm);
  }

  /** The package shipped in this jar, loaded on first use with a cached R4 context. */
  public static TerminologyPackage shared() {
    return Shared.INSTANCE;
  }

  /** Loads the package shipped in this jar ({@value ContinuumTerminology#PACKAGE_RESOURCE}). */
  public static TerminologyPackage fromClasspath(FhirContext fhirContext) {
    ClassLoader loader = TerminologyPackage.class.getClassLoader();
    try (InputStream tgz = loader.getResourceAsStream(ContinuumTerminology.PACKAGE_RESOURCE)) {
      if (tgz == null) {
        throw new IllegalStateException(
            "FHIR package not on the classpath: " + ContinuumTerminology.PACKAGE_RESOURCE);
      }
      return fromTgz(fhirContext, tgz);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + ContinuumTerminology.PACKAGE_RESOURCE, e);
    }
  }

  /** Loads a FHIR npm package (tgz) and keeps its CodeSystems, ValueSets and ConceptMaps. */
  public static TerminologyPackage fromTgz(FhirContext fhirContext, InputStream tgz)
      throws IOException {
    NpmPackage npm = NpmPackage.fromPackage(tgz);
    IParser parser = fhirContext.newJsonParser();
    Map<String, CodeSystem> codeSystems = new LinkedHashMap<>();
    Map<String, ValueSet> valueSets = new LinkedHashMap<>();
    Map<String, ConceptMap> conceptMaps = new LinkedHashMap<>();
    for (String file : npm.listResources("CodeSystem", "ValueSet", "ConceptMap")) {
      try (InputStream in = npm.loadResource(file)) {
        MetadataResource resource = (MetadataResource) parser.parseResource(in);
        if (resource instanceof CodeSystem cs) {
          codeSystems.put(cs.getUrl(), cs);
        } else if (resource instanceof ValueSet vs) {
          valueSets.put(vs.getUrl(), vs);
        } else if (resource instanceof ConceptMap cm) {
          conceptMaps.put(cm.getUrl(), cm);
        }
      }
    }
    log.info(
        "Loaded FHIR package {}#{}: {} CodeSystems, {} ValueSets, {} ConceptMaps",
        npm.name(),
        npm.version(),
        codeSystems.size(),
        valueSets.size(),
        conceptMaps.size());
    return new TerminologyPackage(npm.name(), npm.version(), codeSystems, valueSets, conceptMaps);
  }

  public String name() {
    return name;
  }

  public String version() {
    return version;
  }

  public Optional<CodeSystem> codeSystem(String url) {
    return Optional.ofNullable(codeSystems.get(url));
  }

  public Optional<ValueSet> valueSet(String url) {
    return Optional.ofNullable(valueSets.get(url));
  }

  /** A ConceptMap by canonical URL or by resource id. */
  public Optional<ConceptMap> conceptMap(String urlOrId) {
    ConceptMap byUrl = conceptMaps.get(urlOrId);
    if (byUrl != null) {
      return Optional.of(byUrl);
    }
    return Optional.ofNullable(conceptMaps.get(ContinuumTerminology.CONCEPT_MAP_BASE + urlOrId));
  }

  public Collection<CodeSystem> codeSystems() {
    return List.copyOf(codeSystems.values());
  }

  public Collection<ValueSet> valueSets() {
    return List.copyOf(valueSets.values());
  }

  public Collection<ConceptMap> conceptMaps() {
    return List.copyOf(conceptMaps.values());
  }

  private static final class Shared {
    private static final TerminologyPackage INSTANCE = fromClasspath(FhirContext.forR4Cached());
  }
}
