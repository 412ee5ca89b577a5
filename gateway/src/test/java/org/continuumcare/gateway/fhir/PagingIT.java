package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class PagingIT extends GatewayIntegrationTest {

  @Test
  void followingNextLinksReturnsEveryMatchingResourceExactlyOnce() {
    IGenericClient client = fhir();
    String system = uniqueSystem();
    Bundle load = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (int i = 0; i < 57; i++) {
      Patient patient = FhirRestApiIT.patient(system, "page-" + i, "Pager");
      load.addEntry()
          .setResource(patient)
          .getRequest()
          .setMethod(Bundle.HTTPVerb.POST)
          .setUrl("Patient");
    }
    client.transaction().withBundle(load).execute();

    List<String> seen = new ArrayList<>();
    int pages = 0;
    Bundle page =
        client
            .search()
            .byUrl("Patient?identifier=" + system + "|&_count=10")
            .returnBundle(Bundle.class)
            .execute();
    while (true) {
      pages++;
      page.getEntry()
          .forEach(
              entry ->
                  seen.add(
                      entry.getResource().getIdElement().toUnqualifiedVersionless().getValue()));
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        break;
      }
      page = client.loadPage().next(page).execute();
    }

    assertThat(seen).hasSize(57).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo(6);
  }
}
