package org.continuumcare.gateway.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * A generated sweep: for every resource type a caller may search, every search parameter of it with
 * {@code :missing}, a value, a chain and {@code _include}, and {@code _has} from every other type,
 * the answer (status and the records found) is the same before and after records withheld from the
 * caller are added. Whatever the construct, withheld records change nothing a caller can observe.
 * Queries are scoped to the sweep's own records by a tag.
 */
class WithheldRecordsSweepSecurityIT extends GatewayIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PARTNER_TYPES =
      List.of("ServiceRequest", "Task", "Observation", "Patient", "Organization");
  private static final List<String> ANALYST_TYPES =
      List.of(
          "Patient", "Condition", "MedicationStatement", "Observation", "ServiceRequest", "Task");

  @Test
  void noAnswerToAPartnerChangesWhenRecordsWithheldFromItAreAdded() throws Exception {
    AttackScenario scenario =
        new AttackScenario(fhir(), fhirAs("demo-ehr"), UUID.randomUUID().toString());
    // A person no referral to demo-housing names yet: invisible to it before and after.
    Patient unreferred = new Patient();
    unreferred.addName().setFamily("Visible");
    unreferred.getMeta().addTag(AttackScenario.TAG_SYSTEM, scenario.tag, null);
    String hidden =
        fhir()
            .create()
            .resource(unreferred)
            .execute()
            .getId()
            .toUnqualifiedVersionless()
            .getValue();
    List<String> queries = queries(PARTNER_TYPES, scenario, hidden);
    Map<String, String> before = answers("demo-housing", queries);

    // Withheld from demo-housing: SUD records addressed to it, about the person it may see and
    // about the person it may not (whose only referral is now a withheld one).
    for (String patient : List.of(scenario.visiblePatient, hidden)) {
      String referral = create(scenario, referral(patient));
      create(scenario, task(referral, patient));
      Observation score = score(patient);
      score.addPerformer(new Reference("Organization/demo-housing"));
      create(scenario, score);
    }

    assertSameAnswers(before, answers("demo-housing", queries));
  }

  @Test
  void noAnswerToAnAnalystChangesWhenRecordsWithheldFromItAreAdded() throws Exception {
    AttackScenario scenario =
        new AttackScenario(fhir(), fhirAs("demo-ehr"), UUID.randomUUID().toString());
    List<String> queries = queries(ANALYST_TYPES, scenario, scenario.withheldPatient);
    Map<String, String> before = answers("demo-analyst", queries);

    // Withheld from the analyst: new SUD records of the treatment provider about a person it sees.
    Condition diagnosis = new Condition().setSubject(new Reference(scenario.visiblePatient));
    diagnosis.setCode(
        new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "F11.20", null)));
    create(scenario, diagnosis);
    create(
        scenario,
        new MedicationStatement()
            .setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE)
            .setMedication(
                new CodeableConcept(
                    new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "1819", null)))
            .setSubject(new Reference(scenario.visiblePatient)));
    create(scenario, score(scenario.visiblePatient));
    String referral = create(scenario, referral(scenario.visiblePatient));
    create(scenario, task(referral, scenario.visiblePatient));

    assertSameAnswers(before, answers("demo-analyst", queries));
  }

  private static void assertSameAnswers(Map<String, String> before, Map<String, String> after) {
    List<String> changed = new ArrayList<>();
    before.forEach(
        (query, answer) -> {
          if (!answer.equals(after.get(query))) {
            changed.add(query + "\n    before: " + answer + "\n    after:  " + after.get(query));
          }
        });
    assertThat(before).hasSizeGreaterThan(200);
    assertThat(changed).as("answers that changed when withheld records were added").isEmpty();
  }

  /**
   * Every query of the sweep, scoped to the scenario's records (Organizations, which carry no tag,
   * to the demo organisations); {@code person} is a further reference value.
   */
  private static List<String> queries(List<String> types, AttackScenario scenario, String person) {
    String tag = "_tag=" + enc(AttackScenario.TAG_SYSTEM + "|" + scenario.tag);
    Set<String> queries = new TreeSet<>();
    for (String type : types) {
      String scope =
          "Organization".equals(type) ? "_id=demo-housing,demo-employment,demo-treatment" : tag;
      queries.add(type + "?" + scope);
      for (RuntimeSearchParam parameter : FHIR.getResourceDefinition(type).getSearchParams()) {
        String name = parameter.getName();
        if (name.startsWith("_text")
            || name.startsWith("_content")
            || name.equals("_tag")
            || name.equals("_id")
            || parameter.getParamType() == RestSearchParameterTypeEnum.COMPOSITE
            || parameter.getParamType() == RestSearchParameterTypeEnum.SPECIAL) {
          continue;
        }
        queries.add(type + "?" + scope + "&" + name + ":missing=true");
        queries.add(type + "?" + scope + "&" + name + ":missing=false");
        for (String value : values(parameter, scenario, person)) {
          queries.add(type + "?" + scope + "&" + name + "=" + enc(value));
        }
        if (parameter.getParamType() == RestSearchParameterTypeEnum.REFERENCE) {
          queries.add(type + "?" + scope + "&_include=" + type + ":" + name);
          queries.add(
              type
                  + "?"
                  + scope
                  + "&"
                  + name
                  + "._id="
                  + enc(AttackScenario.idOf(scenario.visiblePatient)));
          for (String other : types) {
            if (parameter.getTargets().isEmpty() || parameter.getTargets().contains(other)) {
              String otherScope =
                  "Organization".equals(other)
                      ? "_id=demo-housing,demo-employment,demo-treatment"
                      : tag;
              queries.add(other + "?" + otherScope + "&_has:" + type + ":" + name + ":" + tag);
              queries.add(
                  other
                      + "?"
                      + otherScope
                      + "&_has:"
                      + type
                      + ":"
                      + name
                      + ":subject="
                      + enc(person));
              queries.add(other + "?" + otherScope + "&_revinclude=" + type + ":" + name);
            }
          }
        }
      }
    }
    return List.copyOf(queries);
  }

  private static List<String> values(
      RuntimeSearchParam parameter, AttackScenario scenario, String person) {
    return switch (parameter.getParamType()) {
      case REFERENCE ->
          List.of(
              scenario.visiblePatient,
              person,
              scenario.visibleReferral,
              "Organization/demo-housing");
      case TOKEN -> List.of("F11.20", "1819", "active", "barc-10");
      case STRING -> List.of("Visible");
      case DATE -> List.of("ge2000-01-01");
      case NUMBER, QUANTITY -> List.of("40");
      default -> List.of();
    };
  }

  /** Each query's answer as the caller sees it: status and the records found, in order. */
  private Map<String, String> answers(String caller, List<String> queries) throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    for (String query : queries) {
      HttpResponse<String> response = http(requestAs(caller, "/fhir/" + query + "&_count=100"));
      StringBuilder answer = new StringBuilder().append(response.statusCode());
      if (response.statusCode() == 200) {
        Set<String> found = new TreeSet<>();
        JsonNode bundle = JSON.readTree(response.body());
        bundle
            .path("entry")
            .forEach(
                entry ->
                    found.add(
                        entry.path("resource").path("resourceType").asText()
                            + "/"
                            + entry.path("resource").path("id").asText()));
        answer
            .append(' ')
            .append(found)
            .append(bundle.has("total") ? " total=" + bundle.path("total") : "");
      }
      answers.put(query, answer.toString());
    }
    return answers;
  }

  private String create(AttackScenario scenario, Resource resource) {
    resource.getMeta().addTag(AttackScenario.TAG_SYSTEM, scenario.tag, null);
    return fhirAs("demo-ehr")
        .create()
        .resource(resource)
        .execute()
        .getId()
        .toUnqualifiedVersionless()
        .getValue();
  }

  private static ServiceRequest referral(String patient) {
    ServiceRequest referral =
        new ServiceRequest()
            .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
            .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
            .setSubject(new Reference(patient))
            .setRequester(new Reference("Organization/demo-treatment"));
    referral.addPerformer(new Reference("Organization/demo-housing"));
    referral.addCategory(
        new CodeableConcept(
            new Coding(
                "https://continuumcare.org/fhir/CodeSystem/referral-category",
                "treatment-continuation",
                null)));
    return referral;
  }

  private static Task task(String referral, String patient) {
    return new Task()
        .setStatus(Task.TaskStatus.REQUESTED)
        .setIntent(Task.TaskIntent.ORDER)
        .setFocus(new Reference(referral))
        .setFor(new Reference(patient))
        .setRequester(new Reference("Organization/demo-treatment"))
        .setOwner(new Reference("Organization/demo-housing"));
  }

  private static Observation score(String patient) {
    return new Observation()
        .setStatus(Observation.ObservationStatus.FINAL)
        .setCode(
            new CodeableConcept(
                new Coding(
                    "https://continuumcare.org/fhir/CodeSystem/recovery-capital-instruments",
                    "barc-10",
                    null)))
        .setSubject(new Reference(patient))
        .setValue(new IntegerType(40));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
