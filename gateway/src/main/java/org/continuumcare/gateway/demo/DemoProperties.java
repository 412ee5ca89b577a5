package org.continuumcare.gateway.demo;

import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data of the zero-setup run, under {@code continuum.demo.*}.
 *
 * @param enabled whether the demo Organizations and Endpoints are written at startup (true in the
 *     default embedded run, false in the {@code postgres} profile)
 * @param organizations the demo partner Organizations, each with at most one Endpoint
 * @param person whether the demo person's records (Jordan Reyes, from the recovery package's
 *     examples) are written too (default true)
 */
@ConfigurationProperties("continuum.demo")
public record DemoProperties(
    Boolean enabled, List<DemoOrganization> organizations, Boolean person) {

  public DemoProperties {
    enabled = enabled != null && enabled;
    person = person == null || person;
    organizations = organizations == null ? List.of() : List.copyOf(organizations);
  }

  /**
   * One demo Organization (its FHIR id is {@code id}) and its Endpoint ({@code <id>-endpoint}).
   *
   * @param id Organization id, e.g. {@code demo-treatment}
   * @param name Organization name
   * @param type code of the partner-type CodeSystem (Organization.type)
   * @param endpointAddress Endpoint.address; no Endpoint when blank
   * @param connectionType Endpoint.connectionType code (default {@code hl7-fhir-rest})
   */
  public record DemoOrganization(
      String id, String name, String type, String endpointAddress, String connectionType) {

    public DemoOrganization {
      Objects.requireNonNull(id, "continuum.demo.organizations[].id");
      name = name == null ? id : name;
      connectionType =
          connectionType == null || connectionType.isBlank() ? "hl7-fhir-rest" : connectionType;
    }

    public boolean hasEndpoint() {
      return endpointAddress != null && !endpointAddress.isBlank();
    }

    public String endpointId() {
      return id + "-endpoint";
    }
  }
}
