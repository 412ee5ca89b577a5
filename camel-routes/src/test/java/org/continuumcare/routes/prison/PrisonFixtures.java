package org.continuumcare.routes.prison;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.continuumcare.terminology.ConceptMapTranslator;

/**
 * Fixed clock, fixed ids and the real collaborators (terminology package, classpath maps) for
 * prison tests.
 */
final class PrisonFixtures {

  static final Instant NOW = Instant.parse("2026-11-24T16:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final LocalConceptMap GENDER =
      LocalConceptMap.load(FHIR, "v2-0001-to-administrative-gender");
  private static final CodingSystemNames SYSTEMS = new CodingSystemNames();
  private static final MedicationClassifier CLASSIFIER =
      new MedicationClassifier(ConceptMapTranslator.shared());

  private PrisonFixtures() {}

  /** UUIDs 00000000-0000-0000-0000-000000000001, ...002, ... in order. */
  static Supplier<UUID> sequentialIds() {
    AtomicLong next = new AtomicLong();
    return () -> new UUID(0, next.incrementAndGet());
  }

  static PrisonHl7v2HandoffMapper handoffMapper() {
    return new PrisonHl7v2HandoffMapper(
        ConceptMapTranslator.shared(), GENDER, SYSTEMS, CLASSIFIER, HandoffDefaults.demo(), CLOCK);
  }

  static ReleaseHandoffTransactionMapper transactionMapper() {
    return new ReleaseHandoffTransactionMapper(
        ConceptMapTranslator.shared(), HandoffDefaults.demo(), CLOCK, sequentialIds());
  }

  static PrisonHl7v2Translator translator() {
    AtomicLong ack = new AtomicLong();
    return new PrisonHl7v2Translator(
        new PrisonHl7v2Parser(),
        handoffMapper(),
        transactionMapper(),
        new Hl7v2AckBuilder(CLOCK, () -> "ACK" + ack.incrementAndGet()));
  }

  static String resource(String path) {
    try (InputStream in = PrisonFixtures.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Segments joined with carriage returns, as HL7 v2 requires. */
  static String er7(String... segments) {
    return String.join("\r", segments);
  }
}
