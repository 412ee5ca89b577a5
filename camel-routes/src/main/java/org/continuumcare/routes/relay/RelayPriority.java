package org.continuumcare.routes.relay;

import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Optional SPI: when a resource must reach its partners. Rows with a deliver-by time are claimed
 * before rows without one, earliest first (e.g. a handoff for a release tomorrow before routine
 * updates). With several beans the earliest answer wins; none means "no deadline". Called in the
 * FHIR write's transaction for every routed resource: keep it pure and fast.
 */
public interface RelayPriority {

  /** The time by which {@code resource} should be delivered, if it has one. */
  Optional<Instant> deliverBy(IBaseResource resource);
}
