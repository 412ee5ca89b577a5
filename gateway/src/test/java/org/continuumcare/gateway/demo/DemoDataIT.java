package org.continuumcare.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.util.List;
import java.util.UUID;
import org.continuumcare.gateway.demo.DemoProperties.DemoOrganization;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DemoDataIT extends GatewayIntegrationTest {

  @Autowired DaoRegistry daos;

  private static List<DemoOrganization> organizations(String prefix, String treatmentAddress) {
    return List.of(
        new DemoOrganization(
            prefix + "-treatment", "Treatment", "treatment-provider", treatmentAddress, null),
        new DemoOrganization(
            prefix + "-prison", "Prison", "prison", "http://127.0.0.1:9102/fhir", null),
        new DemoOrganization(prefix + "-gateway", "Gateway", null, null, null));
  }

  @Test
  void seedingTwiceWritesOnceAndARestartChangesNoVersion() {
    String prefix = "demo-" + UUID.randomUUID().toString().substring(0, 8);
    DemoDataSeeder seeder = new DemoDataSeeder(daos);

    assertThat(seeder.seed(organizations(prefix, "http://127.0.0.1:9101/fhir"))).isEqualTo(5);
    assertThat(seeder.seed(organizations(prefix, "http://127.0.0.1:9101/fhir"))).isZero();

    Organization treatment =
        fhir().read().resource(Organization.class).withId(prefix + "-treatment").execute();
    assertThat(treatment.getMeta().getVersionId()).isEqualTo("1");
    assertThat(treatment.getName()).isEqualTo("Treatment");
    Endpoint endpoint =
        fhir().read().resource(Endpoint.class).withId(prefix + "-treatment-endpoint").execute();
    assertThat(endpoint.getMeta().getVersionId()).isEqualTo("1");
    assertThat(endpoint.getAddress()).isEqualTo("http://127.0.0.1:9101/fhir");
    assertThat(endpoint.getManagingOrganization().getReference())
        .isEqualTo("Organization/" + prefix + "-treatment");
    assertThat(
            fhir()
                .read()
                .resource(Organization.class)
                .withId(prefix + "-gateway")
                .execute()
                .getName())
        .isEqualTo("Gateway");
  }

  @Test
  void aChangedAddressUpdatesOnlyThatEndpoint() {
    String prefix = "demo-" + UUID.randomUUID().toString().substring(0, 8);
    DemoDataSeeder seeder = new DemoDataSeeder(daos);
    seeder.seed(organizations(prefix, "http://127.0.0.1:9101/fhir"));

    assertThat(seeder.seed(organizations(prefix, "http://127.0.0.1:9201/fhir"))).isEqualTo(1);

    Endpoint endpoint =
        fhir().read().resource(Endpoint.class).withId(prefix + "-treatment-endpoint").execute();
    assertThat(endpoint.getMeta().getVersionId()).isEqualTo("2");
    assertThat(endpoint.getAddress()).isEqualTo("http://127.0.0.1:9201/fhir");
  }
}
