package org.continuumcare.gateway.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Keeps the accounting of disclosures (42 CFR 2.24, 2.25: the patient may ask for the list of
 * disclosures of the past 3 years): a disclosure or denial AuditEvent is never changed, and not
 * deleted until {@link #RETENTION_YEARS} years after it was recorded, whoever asks (every storage
 * path: it is registered on the JPA interceptor service). 422 naming {@code AuditEvent.recorded}.
 */
@Interceptor
final class DisclosureRetentionInterceptor {

  static final int RETENTION_YEARS = 3;

  private final Clock clock;

  DisclosureRetentionInterceptor(Clock clock) {
    this.clock = clock;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource) {
    if (isAccounting(previous)) {
      throw refusal(
          "AuditEvent", "an AuditEvent of the SUD disclosure accounting is never changed");
    }
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
  public void deleted(IBaseResource resource) {
    if (!isAccounting(resource)) {
      return;
    }
    AuditEvent event = (AuditEvent) resource;
    Instant keepUntil =
        event.getRecorded() == null
            ? Instant.MAX
            : event
                .getRecorded()
                .toInstant()
                .atOffset(ZoneOffset.UTC)
                .plusYears(RETENTION_YEARS)
                .toInstant();
    if (clock.instant().isBefore(keepUntil)) {
      throw refusal(
          "AuditEvent.recorded",
          "an AuditEvent of the SUD disclosure accounting is kept "
              + RETENTION_YEARS
              + " years after it was recorded (42 CFR 2.24, 2.25)");
    }
  }

  static boolean isAccounting(IBaseResource resource) {
    return resource instanceof AuditEvent event
        && event.getSubtype().stream()
            .anyMatch(
                subtype -> DisclosureAuditEventMapper.SUBTYPE_SYSTEM.equals(subtype.getSystem()));
  }

  private static UnprocessableEntityException refusal(String element, String message) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.BUSINESSRULE)
        .setDiagnostics(element + ": " + message)
        .addExpression(element);
    return new UnprocessableEntityException(element + ": " + message, outcome);
  }
}
