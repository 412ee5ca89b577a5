package org.continuumcare.gateway.export;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Identifier;

/**
 * The files of an export: HAPI writes each NDJSON file as a {@code Binary} whose {@code
 * securityContext} names the client that started the export (identifier system {@link
 * #OWNER_SYSTEM}, value the client id). Only that client may read it, and only until the retention
 * has passed since the file was written.
 */
final class ExportFiles {

  /** Identifier system of the owning client in an export file's {@code Binary.securityContext}. */
  static final String OWNER_SYSTEM = "https://continuumcare.org/fhir/sid/export-client";

  private ExportFiles() {}

  /** The client owning {@code resource} if it is an export file. */
  static Optional<String> owner(IBaseResource resource) {
    if (!(resource instanceof Binary binary) || !binary.hasSecurityContext()) {
      return Optional.empty();
    }
    Identifier identifier = binary.getSecurityContext().getIdentifier();
    return OWNER_SYSTEM.equals(identifier.getSystem())
        ? Optional.ofNullable(identifier.getValue())
        : Optional.empty();
  }

  /**
   * Whether something that ended (was written) at {@code end} is past {@code retention} at {@code
   * now}.
   */
  static boolean expired(Date end, Duration retention, Instant now) {
    return end != null && end.toInstant().plus(retention).isBefore(now);
  }
}
