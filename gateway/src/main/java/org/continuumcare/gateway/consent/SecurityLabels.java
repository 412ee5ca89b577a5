package org.continuumcare.gateway.consent;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseCoding;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The HL7 DS4P security labels of SUD records and the tag that names the program a record came
 * from.
 *
 * <p>A resource is <em>SUD-labelled</em> when its {@code meta.security} carries {@code
 * v3-ActCode#42CFRPart2} (the gateway always adds {@code v3-Confidentiality#R} and {@code
 * v3-ActCode#SUD} with it). Disclosed copies additionally carry {@code v3-ActCode#NORDSCLCD}
 * (prohibition on redisclosure) and the § 2.32 notice extension on {@code meta}.
 */
public final class SecurityLabels {

  public static final String CONFIDENTIALITY =
      "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
  public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  public static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

  public static final String RESTRICTED = "R";
  public static final String PART2 = "42CFRPart2";
  public static final String SUD = "SUD";
  public static final String NO_REDISCLOSURE = "NORDSCLCD";

  /**
   * {@code meta.tag} system whose code is the id of the Organization (the SUD program) the record
   * came from: the writer's organisation, or the organisation the record names. Disclosures are
   * reads and relays to any other organisation.
   */
  public static final String SOURCE_PROGRAM_TAG =
      "https://continuumcare.org/fhir/sid/part2-source-program";

  /** Extension on {@code meta} carrying the 42 CFR § 2.32 notice (profile extension). */
  public static final String NOTICE_EXTENSION =
      "https://continuumcare.org/fhir/StructureDefinition/redisclosure-notice";

  /**
   * Extension on {@code meta} stating the scope of the consent a record was disclosed under (§
   * 2.32(b)).
   */
  public static final String CONSENT_SCOPE_EXTENSION =
      "https://continuumcare.org/fhir/StructureDefinition/disclosure-consent-scope";

  private SecurityLabels() {}

  /**
   * Marks a disclosed copy (42 CFR 2.32): {@code NORDSCLCD}, the notice and, when a consent
   * permitted it, the statement of that consent's scope (each once).
   */
  static void markDisclosed(
      org.hl7.fhir.r4.model.Resource resource, String notice, Optional<String> scope) {
    add(
        resource,
        ACT_CODE,
        NO_REDISCLOSURE,
        "prohibition on redisclosure without consent directive");
    var meta = resource.getMeta();
    if (!meta.hasExtension(NOTICE_EXTENSION)) {
      meta.addExtension(NOTICE_EXTENSION, new org.hl7.fhir.r4.model.StringType(notice));
    }
    if (scope.isPresent() && !meta.hasExtension(CONSENT_SCOPE_EXTENSION)) {
      meta.addExtension(CONSENT_SCOPE_EXTENSION, new org.hl7.fhir.r4.model.StringType(scope.get()));
    }
  }

  /** Whether the resource carries the 42 CFR Part 2 label. */
  public static boolean isPart2(IBaseResource resource) {
    return has(resource.getMeta().getSecurity(), ACT_CODE, PART2);
  }

  /** Adds {@code R}, {@code 42CFRPart2} and {@code SUD} where missing; keeps every other label. */
  public static void labelPart2(IBaseResource resource) {
    add(resource, CONFIDENTIALITY, RESTRICTED, "restricted");
    add(resource, ACT_CODE, PART2, "42 CFR Part2");
    add(resource, ACT_CODE, SUD, "substance use disorder information sensitivity");
  }

  /** The source program's Organization id, if the record names one. */
  public static Optional<String> sourceProgram(IBaseResource resource) {
    for (IBaseCoding tag : resource.getMeta().getTag()) {
      if (SOURCE_PROGRAM_TAG.equals(tag.getSystem()) && tag.getCode() != null) {
        return Optional.of(tag.getCode());
      }
    }
    return Optional.empty();
  }

  static void setSourceProgram(IBaseResource resource, String organizationId) {
    if (sourceProgram(resource).isEmpty()) {
      resource
          .getMeta()
          .addTag()
          .setSystem(SOURCE_PROGRAM_TAG)
          .setCode(organizationId)
          .setDisplay("Organization/" + organizationId);
    }
  }

  static void add(IBaseResource resource, String system, String code, String display) {
    if (!has(resource.getMeta().getSecurity(), system, code)) {
      resource.getMeta().addSecurity().setSystem(system).setCode(code).setDisplay(display);
    }
  }

  static boolean has(List<? extends IBaseCoding> codings, String system, String code) {
    for (IBaseCoding coding : codings) {
      if (system.equals(coding.getSystem()) && code.equals(coding.getCode())) {
        return true;
      }
    }
    return false;
  }
}
