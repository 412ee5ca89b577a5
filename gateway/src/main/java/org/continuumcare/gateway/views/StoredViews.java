package org.continuumcare.gateway.views;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;

/**
 * How the server holds ViewDefinitions. HAPI FHIR R4 has no ViewDefinition resource type, so a
 * stored view is a {@code Basic} whose {@code code} is {@value #SYSTEM}|{@value #CODE} and whose
 * extension {@value #DEFINITION} holds the ViewDefinition's JSON as a string; {@code
 * ViewDefinition/[id]} names {@code Basic/[id]}. They are created, searched ({@code
 * Basic?code=}{@value #SYSTEM}|{@value #CODE}), versioned and deleted like any resource.
 */
final class StoredViews {

  static final String SYSTEM = "https://continuumcare.org/fhir/CodeSystem/analytics-artifact";
  static final String CODE = "ViewDefinition";
  static final String DEFINITION =
      "https://continuumcare.org/fhir/StructureDefinition/view-definition-json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DaoRegistry daos;

  StoredViews(DaoRegistry daos) {
    this.daos = daos;
  }

  /** A stored view as a {@code Basic}, ready to be created or updated. */
  static Basic toBasic(String id, JsonNode view) {
    Basic basic = new Basic();
    basic.setId(id);
    basic.setCode(new CodeableConcept(new Coding(SYSTEM, CODE, "SQL on FHIR v2 ViewDefinition")));
    basic.addExtension(new Extension(DEFINITION, new StringType(view.toString())));
    return basic;
  }

  /** The ViewDefinition stored as {@code reference} (ViewDefinition/[id] or Basic/[id]). */
  JsonNode read(String reference) {
    IdType id = new IdType(reference);
    if (!id.hasIdPart()
        || (id.hasResourceType()
            && !"ViewDefinition".equals(id.getResourceType())
            && !"Basic".equals(id.getResourceType()))) {
      throw new InvalidRequestException(
          "viewReference '" + reference + "' is not ViewDefinition/[id]");
    }
    Basic basic;
    try {
      basic =
          daos.getResourceDao(Basic.class)
              .read(new IdType("Basic", id.getIdPart()), new SystemRequestDetails());
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      throw new ResourceNotFoundException("ViewDefinition/" + id.getIdPart() + " is not known");
    }
    if (!basic.getCode().hasCoding(SYSTEM, CODE) || !basic.hasExtension(DEFINITION)) {
      throw new ResourceNotFoundException("ViewDefinition/" + id.getIdPart() + " is not known");
    }
    try {
      return JSON.readTree(basic.getExtensionByUrl(DEFINITION).getValue().primitiveValue());
    } catch (IOException e) {
      throw new InvalidRequestException(
          "ViewDefinition/" + id.getIdPart() + " holds no valid JSON");
    }
  }
}
