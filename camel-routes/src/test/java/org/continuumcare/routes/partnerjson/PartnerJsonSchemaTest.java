package org.continuumcare.routes.partnerjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

class PartnerJsonSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final PartnerJsonSchema housingCallback =
      PartnerJsonSchema.fromClasspath("housing/housing-status-callback.schema.json");
  private final PartnerJsonSchema employmentOutcome =
      PartnerJsonSchema.fromClasspath("employment/employment-outcome.schema.json");

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void aWellFormedHousingCallbackConforms() throws Exception {
    assertThat(
            housingCallback.violations(
                json(
                    """
                {"referralId":"task-h1","partnerReferralId":"ODH-77","status":"WAITLISTED",
                 "eventTime":"2026-11-23T14:05:00Z","note":"No place free yet"}""")))
        .isEmpty();
  }

  @Test
  void everyViolationOfABadCallbackIsReportedWithItsPointer() throws Exception {
    JsonNode bad =
        json(
            """
                {"status":"MOVED_TO_MARS","eventTime":"yesterday","ssn":"123-45-6789"}""");

    assertThat(housingCallback.violations(bad))
        .hasSize(4)
        .anySatisfy(v -> assertThat(v).startsWith("/referralId: "))
        .anySatisfy(v -> assertThat(v).startsWith("/status: "))
        .anySatisfy(v -> assertThat(v).startsWith("/eventTime: "))
        .anySatisfy(v -> assertThat(v).startsWith("/ssn: "));
  }

  @Test
  void requireValidAnswersBadRequestWithOneIssuePerViolation() throws Exception {
    JsonNode bad =
        json(
            """
                {"status":"HOUSED"}""");

    assertThatThrownBy(() -> housingCallback.requireValid(bad))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(((OperationOutcome) e.getOperationOutcome()).getIssue()).hasSize(2);
              assertThat(e.getMessage()).contains("/eventTime: ", "/referralId: ");
            });
  }

  @Test
  void aJobPlacementWithoutStartDateViolatesTheOutcomeSchema() throws Exception {
    assertThat(
            employmentOutcome.violations(
                json(
                    """
                {"referralId":"task-e1","outcome":"job-placement-full-time","eventTime":"2026-11-20T16:30:00Z"}""")))
        .singleElement()
        .asString()
        .startsWith("/startDate: ");
    assertThat(
            employmentOutcome.violations(
                json(
                    """
                {"referralId":"task-e1","outcome":"enrolled","eventTime":"2026-11-20T16:30:00Z"}""")))
        .isEmpty();
  }
}
