package org.continuumcare.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import ca.uhn.fhir.context.FhirContext;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.UUID;
import org.continuumcare.profiles.packages.FhirPackages;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * Recovery-capital assessments (the package's worked BARC-10 example) against a running gateway:
 * {@code $validate} alone (profile + Questionnaire validation, nothing stored) and a store, which
 * adds the scoring and the score Observations + Provenance in the same transaction. Each client
 * creates its own Patient first; the first few requests warm the validator up and are counted too,
 * so read the percentiles, not the max.
 */
public class AssessmentSimulation extends Simulation {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final QuestionnaireResponse EXAMPLE =
      (QuestionnaireResponse)
          FhirPackages.resources(
                  FHIR, FhirPackages.load(FhirPackages.RECOVERY), "QuestionnaireResponse")
              .stream()
              .filter(r -> r.getIdElement().getIdPart().equals("jordan-barc-10-2026-11-20"))
              .findFirst()
              .orElseThrow();

  private final int clients = FhirBench.intProperty("clients", 1);
  private final int requests = FhirBench.intProperty("requests", 200);

  /**
   * -Dassessment.validate=false: stores only (bench/compare.sh compares them with a plain HAPI
   * store).
   */
  private final boolean validateFirst = !"false".equals(System.getProperty("assessment.validate"));

  private static String assessmentFor(String patientId) {
    QuestionnaireResponse assessment = EXAMPLE.copy();
    assessment.setId((String) null);
    assessment.setSubject(new Reference("Patient/" + patientId));
    assessment.setAuthor(new Reference("Patient/" + patientId));
    assessment.setSource(null);
    return FHIR.newJsonParser().encodeResourceToString(assessment);
  }

  private final ScenarioBuilder assessments =
      scenario("assessments x" + clients)
          .exec(
              http("create Patient")
                  .post("/Patient")
                  .body(StringBody(session -> FhirBench.patientJson(UUID.randomUUID().toString())))
                  .check(status().is(201), jsonPath("$.id").saveAs("patientId")))
          .exec(session -> session.set("assessment", assessmentFor(session.getString("patientId"))))
          .repeat(requests)
          .on(
              doIf(session -> validateFirst)
                  .then(
                      exec(
                          http("QuestionnaireResponse $validate")
                              .post("/QuestionnaireResponse/$validate")
                              .body(StringBody("#{assessment}"))
                              .check(status().is(200))))
                  .exec(
                      http("store assessment (validate + score)")
                          .post("/QuestionnaireResponse")
                          .body(StringBody("#{assessment}"))
                          .check(status().is(201))));

  {
    setUp(assessments.injectOpen(atOnceUsers(clients)))
        .protocols(FhirBench.protocol())
        .assertions(global().failedRequests().count().is(0L));
  }
}
