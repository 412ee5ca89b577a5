package org.continuumcare.routes.handoff;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR store as a partner package reads it, as the system (the gateway implements it over HAPI
 * JPA): a record by reference, records by identifier.
 */
public interface StoredRecords {

  /**
   * The record {@code Type/id} (its current version) or {@code Type/id/_history/n}; empty when no
   * such record is stored, it was deleted, or the store holds no such type.
   */
  Optional<Resource> read(String reference);

  /**
   * Every stored record of {@code type} with an identifier {@code system|value} of {@code values}.
   */
  <T extends DomainResource> List<T> withIdentifier(
      Class<T> type, String system, List<String> values);
}
