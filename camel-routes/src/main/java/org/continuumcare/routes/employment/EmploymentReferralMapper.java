package org.continuumcare.routes.employment;

import java.time.Clock;
import java.util.Objects;
import java.util.stream.Collectors;
import org.continuumcare.routes.referral.PartnerPerson;
import org.continuumcare.routes.referral.ReferralMappingException;
import org.continuumcare.routes.referral.ReferralParts;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ServiceRequest;

/** Referral (ServiceRequest) + ReferralTask + Patient -> the employment partner's referral JSON. Pure. */
public final class EmploymentReferralMapper {

    private final Clock clock;

    public EmploymentReferralMapper(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public EmploymentReferral map(ReferralParts parts) {
        ServiceRequest sr = parts.referral();
        String service = sr.getCode().hasText() ? sr.getCode().getText()
                : sr.getCode().getCoding().stream().map(Coding::getDisplay).filter(Objects::nonNull).findFirst()
                        .orElseThrow(() -> new ReferralMappingException("ServiceRequest/" + parts.referralId()
                                + " does not say what service is requested (code)"));
        String from = sr.hasOccurrencePeriod() && sr.getOccurrencePeriod().hasStart()
                ? sr.getOccurrencePeriod().getStartElement().getValueAsString()
                : sr.hasOccurrenceDateTimeType() ? sr.getOccurrenceDateTimeType().getValueAsString() : null;
        String note = sr.getNote().stream().map(Annotation::getText).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        return new EmploymentReferral(EmploymentReferral.SCHEMA_VERSION, parts.taskId(), parts.referralId(),
                clock.instant().toString(),
                sr.hasAuthoredOn() ? sr.getAuthoredOn().toInstant().toString() : null,
                service,
                sr.getCategory().stream().flatMap(c -> c.getCoding().stream()).map(Coding::getCode)
                        .filter(Objects::nonNull).toList(),
                sr.hasPriority() ? sr.getPriority().toCode() : "routine",
                from, PartnerPerson.of(parts.patient()),
                sr.getRequester().hasDisplay() ? sr.getRequester().getDisplay() : sr.getRequester().getReference(),
                note.isEmpty() ? null : note);
    }
}
