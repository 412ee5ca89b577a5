package org.continuumcare.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.continuumcare.gateway.demo.DemoProperties.DemoOrganization;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class DemoResourcesTest {

  @Test
  void anOrganizationWithAnAddressGetsAnActiveFhirRestEndpointThatItManages() {
    List<Resource> resources =
        DemoResources.of(
            List.of(
                new DemoOrganization(
                    "demo-treatment",
                    "Demo treatment",
                    "treatment-provider",
                    "http://127.0.0.1:9101/fhir",
                    null)));

    assertThat(resources).hasSize(2);
    Organization organization = (Organization) resources.get(0);
    Endpoint endpoint = (Endpoint) resources.get(1);
    assertThat(endpoint.getIdElement().getValue()).isEqualTo("Endpoint/demo-treatment-endpoint");
    assertThat(endpoint.getStatus()).isEqualTo(Endpoint.EndpointStatus.ACTIVE);
    assertThat(endpoint.getConnectionType().getCode()).isEqualTo("hl7-fhir-rest");
    assertThat(endpoint.getAddress()).isEqualTo("http://127.0.0.1:9101/fhir");
    assertThat(endpoint.getManagingOrganization().getReference())
        .isEqualTo("Organization/demo-treatment");
    assertThat(organization.getIdElement().getValue()).isEqualTo("Organization/demo-treatment");
    assertThat(organization.getTypeFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("treatment-provider");
    assertThat(organization.getName()).isEqualTo("Demo treatment");
  }

  @Test
  void anOrganizationWithoutAddressHasNoEndpointAndItsIdAsName() {
    List<Resource> resources =
        DemoResources.of(List.of(new DemoOrganization("x", null, null, " ", null)));

    assertThat(resources).singleElement().isInstanceOf(Organization.class);
    Organization organization = (Organization) resources.get(0);
    assertThat(organization.getName()).isEqualTo("x");
    assertThat(organization.hasEndpoint()).isFalse();
    assertThat(organization.hasType()).isFalse();
  }

  @Test
  void theConfiguredConnectionTypeIsKept() {
    Endpoint endpoint =
        (Endpoint)
            DemoResources.of(
                    List.of(
                        new DemoOrganization(
                            "h",
                            "H",
                            "housing",
                            "http://127.0.0.1:9103/",
                            "continuum-partner-json")))
                .get(1);

    assertThat(endpoint.getConnectionType().getCode()).isEqualTo("continuum-partner-json");
  }
}
