package org.continuumcare.routes.relay;

import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Optional SPI: what an adapter sends for a routed resource when it is not the resource alone (e.g.
 * a FHIR document Bundle for a Composition, so the partner receives the resources it references
 * too). Runs after the {@link DisclosureGate}s, which decide on the routed resource; an assembler
 * must therefore add only what that decision covers. The first assembler with an answer wins; none:
 * the resource itself. Throw {@link PermanentDeliveryException} or {@link
 * TransientDeliveryException} as adapters do; any other failure counts as transient.
 */
public interface PayloadAssembler {

  /**
   * The payload for {@code resource} (the version the outbox row names), if this assembler makes
   * one.
   */
  Optional<IBaseResource> assemble(OutboxEntry entry, IBaseResource resource);
}
