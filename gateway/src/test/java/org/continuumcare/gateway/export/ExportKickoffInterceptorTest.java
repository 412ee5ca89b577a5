package org.continuumcare.gateway.export;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.junit.jupiter.api.Test;

class ExportKickoffInterceptorTest {

  @Test
  void filtersThatSelectByOtherRecordsAreRefused() {
    for (String filter :
        new String[] {
          "Patient?_has:Condition:subject:code=F11.20",
          "Observation?subject.name=smith",
          "Observation?subject:Patient.birthdate=2000",
          "Patient?_filter=name eq x",
          "Patient?_list=abc",
          "Patient?active=true&_has:Observation:subject:code=1"
        }) {
      assertThatThrownBy(() -> ExportKickoffInterceptor.requireFilterable(filter))
          .as(filter)
          .isInstanceOf(ForbiddenOperationException.class);
    }
  }

  @Test
  void filtersOnTheExportedRecordsThemselvesAreAccepted() {
    for (String filter :
        new String[] {
          "Observation?code=http://loinc.org|71802-3",
          "Patient?active=true",
          "MedicationStatement?status=active&_lastUpdated=gt2026-01-01"
        }) {
      assertThatCode(() -> ExportKickoffInterceptor.requireFilterable(filter))
          .as(filter)
          .doesNotThrowAnyException();
    }
  }
}
