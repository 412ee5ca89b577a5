package org.continuumcare.gateway.measures;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * M3 handoff timeliness. Initial population = denominator: release handoffs (Composition of type
 * LOINC 18761-7, status final or amended) whose release date falls in the period. Numerators: a
 * treatment referral of the handoff (section 57133-1; category treatment-continuation or
 * moud-continuation) has a Task that was accepted before the release day began (00:00 UTC); any of
 * the handoff's referral Tasks was ever flagged not-acknowledged-before-release. Median: hours from
 * the handoff's {@code Composition.date} to 00:00 UTC of the release day. Strata: release type and
 * receiving provider.
 */
final class HandoffTimeliness implements OutcomeMeasure {

  static final String ID = "handoff-timeliness";
  static final String RELEASE_DATE =
      "https://continuumcare.org/fhir/StructureDefinition/release-date";
  static final String RECEIVING =
      "https://continuumcare.org/fhir/StructureDefinition/receiving-organization";
  static final Set<String> TREATMENT = Set.of("treatment-continuation", "moud-continuation");
  private static final Set<String> ISSUED = Set.of("final", "amended");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<MeasureGroup> groups() {
    return List.of(
        MeasureGroup.proportion(
            "accepted-before-release", "denominator", "accepted-before-release"),
        MeasureGroup.median("hours-handoff-to-release", "timed", "hours-handoff-to-release"),
        MeasureGroup.proportion("not-acknowledged", "denominator", "not-acknowledged"));
  }

  @Override
  public List<String> stratifiers() {
    return List.of("release-type", "provider");
  }

  @Override
  public List<MeasureCase> cases(MeasurePeriod period, GatedReader reader) {
    SearchParameterMap handoffs = SearchParameterMap.newSynchronous();
    handoffs.add(Composition.SP_TYPE, new TokenParam("http://loinc.org", "18761-7"));
    List<Composition> released = new ArrayList<>();
    for (Composition handoff : reader.search(Composition.class, handoffs)) {
      if (handoff.hasStatus()
          && ISSUED.contains(handoff.getStatus().toCode())
          && period.contains(releaseDate(handoff))) {
        released.add(handoff);
      }
    }
    List<String> referralIds = new ArrayList<>();
    List<String> referralKeys = new ArrayList<>();
    released.forEach(
        handoff ->
            referrals(handoff)
                .forEach(
                    r -> {
                      referralIds.add(r.getReferenceElement().getIdPart());
                      referralKeys.add(
                          r.getReferenceElement().toUnqualifiedVersionless().getValue());
                    }));
    Map<String, String> categories = new HashMap<>();
    for (ServiceRequest referral : ClosedLoopReferrals.Referrals.byId(reader, referralIds)) {
      Set<String> codes = new LinkedHashSet<>();
      referral.getCategory().forEach(c -> c.getCoding().forEach(code -> codes.add(code.getCode())));
      categories.put(
          "ServiceRequest/" + referral.getIdElement().getIdPart(),
          codes.stream().anyMatch(TREATMENT::contains) ? "treatment" : "other");
    }
    TaskTimeline timeline = TaskTimeline.of(TaskVersions.focusedOn(reader, referralKeys));
    List<MeasureCase> cases = new ArrayList<>();
    for (Composition handoff : released) {
      LocalDate release = releaseDate(handoff);
      Instant releaseStart = release.atStartOfDay(ZoneOffset.UTC).toInstant();
      Set<String> populations = new LinkedHashSet<>(List.of("initial-population", "denominator"));
      for (Reference referral : referrals(handoff)) {
        String key = referral.getReferenceElement().toUnqualifiedVersionless().getValue();
        for (TaskTimeline.Entry task : timeline.forReferral(key).values()) {
          if ("treatment".equals(categories.get(key))
              && task.accepted != null
              && task.accepted.isBefore(releaseStart)) {
            populations.add("accepted-before-release");
          }
          if (task.flaggedNotAcknowledged) {
            populations.add("not-acknowledged");
          }
        }
      }
      Map<String, Double> observations = new HashMap<>();
      if (handoff.hasDate()) {
        populations.add("timed");
        observations.put(
            "hours-handoff-to-release",
            Duration.between(handoff.getDate().toInstant(), releaseStart).toSeconds() / 3600.0);
      }
      cases.add(
          new MeasureCase(
              handoff.getSubject().getReferenceElement().toUnqualifiedVersionless().getValue(),
              populations,
              observations,
              Map.of("release-type", releaseType(handoff), "provider", provider(handoff))));
    }
    return cases;
  }

  /** The receiving provider (extension receiving-organization), or "unknown". */
  static String provider(Composition handoff) {
    Extension receiving = handoff.getExtensionByUrl(RECEIVING);
    return receiving != null && receiving.getValue() instanceof Reference to && to.hasReference()
        ? to.getReferenceElement().toUnqualifiedVersionless().getValue()
        : "unknown";
  }

  /** The first category code (release type), or "unknown". */
  static String releaseType(Composition handoff) {
    return handoff.getCategory().stream()
        .flatMap(c -> c.getCoding().stream())
        .map(c -> c.getCode())
        .findFirst()
        .orElse("unknown");
  }

  static LocalDate releaseDate(Composition handoff) {
    Extension release = handoff.getExtensionByUrl(RELEASE_DATE);
    if (release == null) {
      return null;
    }
    Extension date = release.getExtensionByUrl("date");
    return date != null && date.getValue() instanceof DateType day && day.getValue() != null
        ? LocalDate.parse(day.getValueAsString().substring(0, 10))
        : null;
  }

  /** The ServiceRequests in the handoff's referrals section (LOINC 57133-1). */
  static List<Reference> referrals(Composition handoff) {
    List<Reference> found = new ArrayList<>();
    for (Composition.SectionComponent section : handoff.getSection()) {
      if (section.getCode().getCoding().stream().anyMatch(c -> "57133-1".equals(c.getCode()))) {
        section.getEntry().stream()
            .filter(e -> "ServiceRequest".equals(e.getReferenceElement().getResourceType()))
            .forEach(found::add);
      }
    }
    return found;
  }
}
