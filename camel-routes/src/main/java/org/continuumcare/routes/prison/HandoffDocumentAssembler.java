package org.continuumcare.routes.prison;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.continuumcare.routes.handoff.StoredRecords;
import org.continuumcare.routes.relay.OutboxEntry;
import org.continuumcare.routes.relay.PayloadAssembler;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the relay sends for a {@code release-handoff} Composition: the handoff as a FHIR document
 * (Composition first, then the Patient, Encounter, medications, conditions, housing Observation,
 * referrals and Tasks it references, read from the store as the system at their current version),
 * built by {@link ReleaseHandoffDocumentMapper}. The consent gate has already decided on the
 * Composition for its patient; the mapper keeps only that patient's records. A referenced resource
 * that is gone is left out (its reference stays as it is). Other resources: not this assembler's.
 */
final class HandoffDocumentAssembler implements PayloadAssembler {

  private static final Logger log = LoggerFactory.getLogger(HandoffDocumentAssembler.class);

  private final StoredRecords records;
  private final ReleaseHandoffDocumentMapper mapper;

  HandoffDocumentAssembler(StoredRecords records, ReleaseHandoffDocumentMapper mapper) {
    this.records = records;
    this.mapper = mapper;
  }

  @Override
  public Optional<IBaseResource> assemble(OutboxEntry entry, IBaseResource resource) {
    if (!ReleaseHandoffDocumentMapper.isReleaseHandoff(resource)) {
      return Optional.empty();
    }
    Composition composition = (Composition) resource;
    List<Resource> resolved = new ArrayList<>();
    for (String reference : ReleaseHandoffDocumentMapper.references(composition)) {
      Optional<Resource> stored = records.read(reference);
      if (stored.isPresent()) {
        resolved.add(stored.get());
      } else {
        log.debug(
            "Handoff document for {}: a referenced {} is gone, left out",
            entry.versionedReference(),
            reference.substring(0, Math.max(0, reference.indexOf('/'))));
      }
    }
    return Optional.of(mapper.document(composition, resolved));
  }
}
