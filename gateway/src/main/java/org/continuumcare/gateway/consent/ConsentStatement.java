package org.continuumcare.gateway.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Reference;

/**
 * A clear statement of a consent's scope (42 CFR 2.32(b)), which travels with every record
 * disclosed under it: which consent, whose records, to whom, through whom, for what, how long,
 * which records and which exceptions. Pure.
 */
final class ConsentStatement {

  private ConsentStatement() {}

  static String of(Consent consent) {
    Consent.ProvisionComponent provision = consent.getProvision();
    List<String> recipients = new ArrayList<>();
    List<String> intermediaries = new ArrayList<>();
    for (Consent.provisionActorComponent actor : provision.getActor()) {
      if (ConsentEvaluator.hasRole(
          actor.getRole(),
          ConsentEvaluator.RECIPIENT_ROLE_SYSTEM,
          ConsentEvaluator.RECIPIENT_ROLE)) {
        recipients.add(name(actor.getReference()));
      } else if (ConsentEvaluator.hasRole(
          actor.getRole(),
          ConsentEvaluator.INTERMEDIARY_ROLE_SYSTEM,
          ConsentEvaluator.INTERMEDIARY_ROLE)) {
        intermediaries.add(name(actor.getReference()));
      }
    }
    StringBuilder statement =
        new StringBuilder("Disclosed under ")
            .append(consent.getIdElement().toUnqualifiedVersionless().getValue())
            .append(" of ")
            .append(consent.getPatient().getReference())
            .append(": to ")
            .append(String.join(", ", recipients));
    if (!intermediaries.isEmpty()) {
      statement.append(" through ").append(String.join(", ", intermediaries));
    }
    statement
        .append(", for ")
        .append(
            provision.getPurpose().stream().map(Coding::getCode).collect(Collectors.joining(", ")));
    statement
        .append(", from ")
        .append(
            provision.getPeriod().hasStart()
                ? provision.getPeriod().getStartElement().getValueAsString()
                : "signature")
        .append(" until ")
        .append(provision.getPeriod().getEndElement().getValueAsString());
    statement
        .append("; records: ")
        .append(
            ConsentScope.restrictsData(provision)
                ? criteria(provision)
                : "all SUD records of the patient held by the disclosing programs");
    for (Consent.ProvisionComponent nested : provision.getProvision()) {
      statement
          .append("; except (")
          .append(nested.hasType() ? nested.getType().toCode() : "")
          .append(") ")
          .append(ConsentScope.restrictsData(nested) ? criteria(nested) : "")
          .append(
              nested.hasActor()
                  ? " to "
                      + nested.getActor().stream()
                          .map(a -> name(a.getReference()))
                          .collect(Collectors.joining(", "))
                  : "")
          .append(
              nested.hasPurpose()
                  ? " for "
                      + nested.getPurpose().stream()
                          .map(Coding::getCode)
                          .collect(Collectors.joining(", "))
                  : "");
    }
    var irrevocable = consent.getExtensionByUrl(ConsentForm.IRREVOCABLE_UNTIL);
    if (irrevocable != null && irrevocable.getValue() != null) {
      statement
          .append("; irrevocable until ")
          .append(irrevocable.getValue().primitiveValue())
          .append(" (42 CFR 2.35)");
    }
    return statement.append('.').toString();
  }

  private static String criteria(Consent.ProvisionComponent provision) {
    List<String> parts = new ArrayList<>();
    if (provision.hasClass_()) {
      parts.add(
          provision.getClass_().stream().map(Coding::getCode).collect(Collectors.joining(", ")));
    }
    if (provision.hasCode()) {
      parts.add(
          "codes "
              + provision.getCode().stream()
                  .map(CodeableConcept::getCoding)
                  .flatMap(List::stream)
                  .map(c -> c.getSystem() + "|" + c.getCode())
                  .collect(Collectors.joining(", ")));
    }
    if (provision.hasData()) {
      parts.add(
          "records "
              + provision.getData().stream()
                  .map(d -> d.getReference().getReference())
                  .collect(Collectors.joining(", ")));
    }
    if (provision.hasSecurityLabel()) {
      parts.add(
          "labelled "
              + provision.getSecurityLabel().stream()
                  .map(Coding::getCode)
                  .collect(Collectors.joining(", ")));
    }
    return String.join("; ", parts);
  }

  private static String name(Reference reference) {
    if (reference.hasReference()) {
      return reference.getReference();
    }
    return "any "
        + reference.getIdentifier().getSystem()
        + "|"
        + reference.getIdentifier().getValue()
        + " with a treating-provider relationship";
  }
}
