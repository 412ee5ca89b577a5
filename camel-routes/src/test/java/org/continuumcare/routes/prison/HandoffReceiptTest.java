package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class HandoffReceiptTest {

  @Test
  void pairsRequestAndResponseEntriesInOrderAndDropsVersions() {
    Bundle request = new Bundle();
    Bundle response = new Bundle();
    add(request, response, new Binary(), "Binary/b1/_history/1");
    add(request, response, new Patient(), "Patient/42/_history/3");
    add(request, response, new Composition(), "Composition/7/_history/1");

    HandoffReceipt receipt = HandoffReceipt.of("h-1", request, response, "http://gw/fhir");

    assertThat(receipt.handoffId()).isEqualTo("h-1");
    assertThat(receipt.patient()).isEqualTo("http://gw/fhir/Patient/42");
    assertThat(receipt.composition()).isEqualTo("http://gw/fhir/Composition/7");
    assertThat(receipt.links())
        .containsExactly(
            new HandoffReceipt.Link("Binary", "http://gw/fhir/Binary/b1"),
            new HandoffReceipt.Link("Patient", "http://gw/fhir/Patient/42"),
            new HandoffReceipt.Link("Composition", "http://gw/fhir/Composition/7"));
  }

  @Test
  void refusesAResponseOfAnotherLength() {
    Bundle request = new Bundle();
    add(request, new Bundle(), new Patient(), "Patient/1");

    assertThatThrownBy(() -> HandoffReceipt.of("h", request, new Bundle(), "http://gw/fhir"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void add(Bundle request, Bundle response, Resource resource, String location) {
    request.addEntry().setResource(resource);
    response.addEntry().getResponse().setLocation(location);
  }
}
