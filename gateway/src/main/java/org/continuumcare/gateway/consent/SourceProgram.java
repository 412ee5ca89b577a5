package org.continuumcare.gateway.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The SUD program a record written by the gateway itself (a handoff, an import) comes from: the
 * first configured program Organization among the references that name the record's author or
 * holder (e.g. {@code Composition.custodian}, {@code ServiceRequest.requester}).
 */
final class SourceProgram {

  /** Where each resource type names who holds or wrote it. */
  static final Map<String, String> HOLDER_PATHS =
      Map.ofEntries(
          Map.entry("Composition", "custodian | author"),
          Map.entry("ServiceRequest", "requester"),
          Map.entry("Task", "requester"),
          Map.entry("Observation", "performer"),
          Map.entry("QuestionnaireResponse", "author"),
          Map.entry("Condition", "asserter | recorder"),
          Map.entry("MedicationStatement", "informationSource"),
          Map.entry("MedicationRequest", "requester"),
          Map.entry("Encounter", "serviceProvider"),
          Map.entry("CarePlan", "author"),
          Map.entry("DocumentReference", "custodian | author"));

  private final FhirContext fhirContext;
  private final IFhirPath fhirPath;
  private final LabelPolicy policy;

  SourceProgram(FhirContext fhirContext, LabelPolicy policy) {
    this.fhirContext = fhirContext;
    this.fhirPath = fhirContext.newFhirPath();
    this.policy = policy;
  }

  Optional<String> of(IBaseResource resource) {
    String path = HOLDER_PATHS.get(fhirContext.getResourceType(resource));
    if (path == null) {
      return Optional.empty();
    }
    for (IBaseReference reference : fhirPath.evaluate(resource, path, IBaseReference.class)) {
      var id = reference.getReferenceElement();
      if (id != null
          && "Organization".equals(id.getResourceType())
          && policy.isProgram(id.getIdPart())) {
        return Optional.of(id.getIdPart());
      }
    }
    return Optional.empty();
  }
}
