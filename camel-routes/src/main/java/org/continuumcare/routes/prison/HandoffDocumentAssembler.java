package org.continuumcare.routes.prison;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.continuumcare.routes.prison.ReleaseHandoffDocumentMapper;
import org.continuumcare.routes.relay.OutboxEntry;
import org.continuumcare.routes.relay.PayloadAssembler;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.IdType;
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

  private final DaoRegistry daos;
  private final ReleaseHandoffDocumentMapper mapper;

  HandoffDocumentAssembler(DaoRegistry daos, ReleaseHandoffDocumentMapper mapper) {
    this.daos = daos;
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
      IdType id = new IdType(reference);
      if (!daos.isResourceTypeSupported(id.getResourceType())) {
        continue;
      }
      try {
        resolved.add(
            (Resource)
                daos.getResourceDao(id.getResourceType()).read(id, new SystemRequestDetails()));
      } catch (ResourceNotFoundException | ResourceGoneException missing) {
        log.debug(
            "Handoff document for {}: a referenced {} is gone, left out",
            entry.versionedReference(),
            id.getResourceType());
      }
    }
    return Optional.of(mapper.document(composition, resolved));
  }
}
