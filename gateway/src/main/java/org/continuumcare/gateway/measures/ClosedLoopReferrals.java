package org.continuumcare.gateway.measures;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * M2 closed-loop referrals. Initial population = denominator: referral Tasks (code fulfill, focus a
 * ServiceRequest) sent in the period ({@code Task.authoredOn}), except draft and entered-in-error.
 * Numerators: current status completed, rejected, cancelled. Medians: days from sent to the first
 * accepted version, and to the first completed version. Strata: partner ({@code Task.owner}) and
 * referral category (the ServiceRequest's first category code); the rejected and cancelled groups
 * also by reason ({@code Task.statusReason}).
 */
final class ClosedLoopReferrals implements OutcomeMeasure {

  static final String ID = "closed-loop-referrals";
  private static final Set<String> NOT_SENT = Set.of("draft", "entered-in-error");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<MeasureGroup> groups() {
    return List.of(
        MeasureGroup.proportion("closed-loop", "denominator", "completed"),
        MeasureGroup.proportion("rejected", "denominator", "rejected").stratifiedBy("reason"),
        MeasureGroup.proportion("cancelled", "denominator", "cancelled").stratifiedBy("reason"),
        MeasureGroup.median("days-to-accepted", "reached-accepted", "days-to-accepted"),
        MeasureGroup.median("days-to-completed", "reached-completed", "days-to-completed"));
  }

  @Override
  public List<String> stratifiers() {
    return List.of("partner", "category");
  }

  @Override
  public List<MeasureCase> cases(MeasurePeriod period, GatedReader reader) {
    SearchParameterMap sent = SearchParameterMap.newSynchronous();
    sent.add(
        Task.SP_AUTHORED_ON,
        new DateRangeParam(
            new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, Date.from(period.from())),
            new DateParam(ParamPrefixEnum.LESSTHAN, Date.from(period.until()))));
    List<Task> tasks =
        reader.search(Task.class, sent).stream()
            .filter(
                task ->
                    task.getCode().getCoding().stream()
                        .anyMatch(c -> "fulfill".equals(c.getCode())))
            .filter(
                task ->
                    "ServiceRequest"
                        .equals(task.getFocus().getReferenceElement().getResourceType()))
            .filter(task -> task.hasStatus() && !NOT_SENT.contains(task.getStatus().toCode()))
            .filter(
                task -> task.hasAuthoredOn() && period.contains(task.getAuthoredOn().toInstant()))
            .toList();
    Map<String, String> categories =
        Referrals.categories(
            reader,
            tasks.stream().map(task -> task.getFocus().getReferenceElement().getIdPart()).toList());
    TaskTimeline timeline = TaskTimeline.of(TaskVersions.of(reader, tasks));
    List<MeasureCase> cases = new ArrayList<>();
    for (Task task : tasks) {
      Set<String> populations = new LinkedHashSet<>(List.of("initial-population", "denominator"));
      String status = task.getStatus().toCode();
      if ("completed".equals(status) || "rejected".equals(status) || "cancelled".equals(status)) {
        populations.add(status);
      }
      Instant authored = task.getAuthoredOn().toInstant();
      TaskTimeline.Entry entry = timeline.of(task.getIdElement().getIdPart());
      Map<String, Double> observations = new HashMap<>();
      if (entry.accepted != null) {
        populations.add("reached-accepted");
        observations.put("days-to-accepted", days(authored, entry.accepted));
      }
      if (entry.completed != null && "completed".equals(status)) {
        populations.add("reached-completed");
        observations.put("days-to-completed", days(authored, entry.completed));
      }
      String focus = task.getFocus().getReferenceElement().toUnqualifiedVersionless().getValue();
      Map<String, String> strata =
          Map.of(
              "partner",
              task.getOwner().hasReference()
                  ? task.getOwner().getReferenceElement().toUnqualifiedVersionless().getValue()
                  : "unknown",
              "category",
              categories.getOrDefault(focus, "unknown"),
              "reason",
              reason(task));
      cases.add(
          new MeasureCase(
              task.getFor().getReferenceElement().toUnqualifiedVersionless().getValue(),
              populations,
              observations,
              strata));
    }
    return cases;
  }

  /**
   * Why a rejected or cancelled Task ended: the first code of {@code Task.statusReason}, else
   * "uncoded" (free text is never a stratum: it may name the person); "not-ended" for any other
   * status.
   */
  static String reason(Task task) {
    String status = task.getStatus().toCode();
    if (!"rejected".equals(status) && !"cancelled".equals(status)) {
      return "not-ended";
    }
    return task.getStatusReason().getCoding().stream()
        .filter(c -> c.hasCode())
        .map(c -> c.getCode())
        .findFirst()
        .orElse("uncoded");
  }

  static double days(Instant from, Instant to) {
    return Duration.between(from, to).toSeconds() / 86400.0;
  }

  /** The first category code of each referral (ServiceRequest) the caller may see. */
  static final class Referrals {
    private Referrals() {}

    static Map<String, String> categories(GatedReader reader, List<String> ids) {
      Map<String, String> categories = new HashMap<>();
      for (ServiceRequest referral : byId(reader, ids)) {
        referral.getCategory().stream()
            .flatMap(c -> c.getCoding().stream())
            .findFirst()
            .ifPresent(
                code ->
                    categories.put(
                        "ServiceRequest/" + referral.getIdElement().getIdPart(), code.getCode()));
      }
      return categories;
    }

    /** The referrals with these ids that the caller may see. */
    static List<ServiceRequest> byId(GatedReader reader, List<String> ids) {
      List<String> distinct = ids.stream().distinct().toList();
      List<ServiceRequest> found = new ArrayList<>();
      for (int from = 0; from < distinct.size(); from += 500) {
        TokenOrListParam chunk = new TokenOrListParam();
        distinct
            .subList(from, Math.min(distinct.size(), from + 500))
            .forEach(id -> chunk.addOr(new TokenParam(id)));
        SearchParameterMap query = SearchParameterMap.newSynchronous();
        query.add("_id", chunk);
        found.addAll(reader.search(ServiceRequest.class, query));
      }
      return found;
    }
  }
}
