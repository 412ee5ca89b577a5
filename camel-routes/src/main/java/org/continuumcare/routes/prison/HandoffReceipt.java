package org.continuumcare.routes.prison;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ResourceType;

/**
 * The 201 body of {@code POST /api/handoffs}: the handoff's id (the value prefix of every
 * resource's {@code release-handoff} identifier), the Patient and the Composition, and a link to
 * every resource the transaction wrote, as absolute FHIR URLs without version.
 */
public record HandoffReceipt(
    String handoffId, String patient, String composition, List<Link> links) {

  public HandoffReceipt {
    Objects.requireNonNull(handoffId, "handoffId");
    links = List.copyOf(links);
  }

  /** One resource written: its type as the relation and its URL. */
  public record Link(String rel, String href) {}

  /**
   * Pairs the request entries with HAPI's response entries (same order, FHIR R4 3.1.0.11.2) and
   * reads where each resource lives.
   */
  static HandoffReceipt of(String handoffId, Bundle transaction, Bundle response, String fhirBase) {
    if (transaction.getEntry().size() != response.getEntry().size()) {
      throw new IllegalArgumentException(
          "transaction and response differ in length: "
              + transaction.getEntry().size()
              + " vs "
              + response.getEntry().size());
    }
    String base = fhirBase.endsWith("/") ? fhirBase : fhirBase + "/";
    String patient = null;
    String composition = null;
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < transaction.getEntry().size(); i++) {
      String location = response.getEntry().get(i).getResponse().getLocation();
      if (location == null || location.isBlank()) {
        continue;
      }
      IdType id = new IdType(location).toUnqualifiedVersionless();
      String href = base + id.getResourceType() + "/" + id.getIdPart();
      ResourceType type = transaction.getEntry().get(i).getResource().getResourceType();
      if (type == ResourceType.Patient && patient == null) {
        patient = href;
      } else if (type == ResourceType.Composition && composition == null) {
        composition = href;
      }
      links.add(new Link(type.name(), href));
    }
    return new HandoffReceipt(handoffId, patient, composition, links);
  }
}
