package org.continuumcare.routes.relay;

import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Gives the relay the body of a resource version to deliver; the gateway reads its FHIR store. */
public interface ResourceSource {

  /** The resource {@code type/id} at {@code version}, if it exists. */
  Optional<IBaseResource> read(String resourceType, String resourceId, long version);
}
