package org.continuumcare.routes.partnerjson;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.continuumcare.routes.referral.ReferralMappingException;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;

/**
 * The minimum a non-FHIR partner needs to recognise and contact the referred person: identifiers,
 * name, birth date and one phone number. Nothing clinical.
 *
 * @param identifiers identifiers the referral carries (system + value), for matching in the
 *     partner's records
 * @param givenName first given name (usual or official name)
 * @param familyName family name
 * @param birthDate yyyy-MM-dd, or null
 * @param phone first phone number, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerPerson(
    List<PartnerIdentifier> identifiers,
    String givenName,
    String familyName,
    String birthDate,
    String phone) {

  public PartnerPerson {
    identifiers = List.copyOf(identifiers);
  }

  /** Reads the minimum from a Patient. */
  public static PartnerPerson of(Patient patient) {
    List<PartnerIdentifier> ids =
        patient.getIdentifier().stream()
            .filter(i -> i.hasSystem() && i.hasValue())
            .map(i -> new PartnerIdentifier(i.getSystem(), i.getValue()))
            .toList();
    HumanName name =
        patient.getName().stream()
            .filter(n -> n.getUse() == HumanName.NameUse.USUAL)
            .findFirst()
            .or(() -> patient.getName().stream().findFirst())
            .orElse(new HumanName());
    String phone =
        patient.getTelecom().stream()
            .filter(t -> t.getSystem() == ContactPointSystem.PHONE)
            .map(t -> t.getValue())
            .findFirst()
            .orElse(null);
    if (!name.hasFamily() && !name.hasGiven() && ids.isEmpty()) {
      throw new ReferralMappingException(
          "Patient/"
              + patient.getIdElement().getIdPart()
              + " has neither a name nor an identifier the partner could use");
    }
    return new PartnerPerson(
        ids,
        name.hasGiven() ? name.getGiven().get(0).getValue() : null,
        name.getFamily(),
        patient.hasBirthDate() ? patient.getBirthDateElement().getValueAsString() : null,
        phone);
  }

  /** An identifier as sent to partners. */
  public record PartnerIdentifier(String system, String value) {}
}
