package org.continuumcare.routes.prison;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.continuumcare.routes.relay.RelayPriority;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Deliver-by of a release handoff's resources for the relay: the start of the release day (in
 * {@code continuum.prison.release-zone}), so handoffs whose release is nearest reach the provider
 * first. Read from the resource alone (pure, no I/O): a referral's occurrence, a Task's
 * restriction.period.start, the Composition's release-date extension (a minute earlier: the handoff
 * document goes before its referrals); only resources carrying a release-handoff identifier.
 * Anything else: no deadline.
 */
final class HandoffRelayPriority implements RelayPriority {

  private final ZoneId releaseZone;

  HandoffRelayPriority(ZoneId releaseZone) {
    this.releaseZone = Objects.requireNonNull(releaseZone, "releaseZone");
  }

  /**
   * The handoff document is due this much before the referrals of the same release day, so it is
   * claimed first: the provider gets the handoff no later than the referrals that point at it.
   */
  static final Duration DOCUMENT_LEAD = Duration.ofMinutes(1);

  @Override
  public Optional<Instant> deliverBy(IBaseResource resource) {
    Duration lead = resource instanceof Composition ? DOCUMENT_LEAD : Duration.ZERO;
    return releaseDate(resource)
        .map(date -> date.atStartOfDay(releaseZone).toInstant().minus(lead));
  }

  static Optional<LocalDate> releaseDate(IBaseResource resource) {
    if (resource instanceof ServiceRequest referral
        && isHandoff(referral.getIdentifier())
        && referral.hasOccurrenceDateTimeType()) {
      return date(referral.getOccurrenceDateTimeType());
    }
    if (resource instanceof Task task
        && isHandoff(task.getIdentifier())
        && task.getRestriction().getPeriod().hasStart()) {
      return date(task.getRestriction().getPeriod().getStartElement());
    }
    if (resource instanceof Composition composition
        && isHandoff(java.util.List.of(composition.getIdentifier()))) {
      Extension release = composition.getExtensionByUrl(PrisonFhir.EXT_RELEASE_DATE);
      if (release != null
          && release.getExtensionByUrl("date") != null
          && release.getExtensionByUrl("date").getValue() instanceof BaseDateTimeType date) {
        return date(date);
      }
    }
    return Optional.empty();
  }

  private static boolean isHandoff(java.util.List<Identifier> identifiers) {
    return identifiers.stream()
        .anyMatch(id -> PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM.equals(id.getSystem()));
  }

  private static Optional<LocalDate> date(BaseDateTimeType value) {
    String text = value.getValueAsString();
    return text == null || text.length() < 10
        ? Optional.empty()
        : Optional.of(LocalDate.parse(text.substring(0, 10)));
  }
}
