package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.FhirTerser;
import java.util.List;
import java.util.ArrayList;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Reference;

/**
 * Names the entries of a transaction Bundle in error messages, so a partner whose 100-entry
 * transaction was refused learns which entry to fix: {@code Bundle.entry[50] (fullUrl urn:uuid:…,
 * POST Observation)}. Pure: no HAPI server state.
 */
public final class TransactionEntries {

  private final FhirContext fhirContext;

  TransactionEntries(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  /**
   * Refuses, before anything is stored, entries whose request cannot be carried out: no method or
   * url, a url that names no resource type, or a body of another type than the url names.
   */
  void checkRequests(Bundle bundle) {
    List<BundleEntryComponent> entries = bundle.getEntry();
    for (int index = 0; index < entries.size(); index++) {
      BundleEntryComponent entry = entries.get(index);
      HTTPVerb method = entry.getRequest().getMethod();
      String url = entry.getRequest().getUrl();
      if (method == null || method == HTTPVerb.NULL) {
        throw invalid(bundle, index, "request.method is missing");
      }
      if (url == null || url.isBlank()) {
        throw invalid(bundle, index, "request.url is missing");
      }
      if (method == HTTPVerb.GET || method == HTTPVerb.HEAD) {
        continue;
      }
      String type = resourceTypeOf(url);
      if (!type.startsWith("$") && !fhirContext.getResourceTypes().contains(type)) {
        throw invalid(bundle, index, "request.url '" + url + "' names no resource type this server knows ('" + type + "')");
      }
      IBaseResource resource = entry.getResource();
      if ((method == HTTPVerb.POST || method == HTTPVerb.PUT) && !type.startsWith("$")) {
        if (resource == null) {
          throw invalid(bundle, index, method + " needs a resource in the entry");
        }
        if (!type.equals(resource.fhirType())) {
          throw invalid(bundle, index, "request.url names " + type + " but the entry holds a " + resource.fhirType());
        }
      }
    }
  }

  /** The entries whose resource holds a reference to {@code target} (e.g. {@code Patient/123}). */
  List<Integer> entriesReferringTo(Bundle bundle, String target) {
    FhirTerser terser = fhirContext.newTerser();
    List<Integer> found = new ArrayList<>();
    List<BundleEntryComponent> entries = bundle.getEntry();
    for (int index = 0; index < entries.size(); index++) {
      IBaseResource resource = entries.get(index).getResource();
      if (resource != null
          && terser.getAllPopulatedChildElementsOfType(resource, Reference.class).stream()
              .anyMatch(reference -> target.equals(reference.getReference()))) {
        found.add(index);
      }
    }
    return found;
  }

  /** {@code Bundle.entry[3] (fullUrl urn:uuid:…, POST Observation)}. */
  public static String describe(Bundle bundle, int index) {
    BundleEntryComponent entry = bundle.getEntry().get(index);
    StringBuilder description = new StringBuilder("Bundle.entry[").append(index).append("] (");
    if (entry.hasFullUrl()) {
      description.append("fullUrl ").append(entry.getFullUrl()).append(", ");
    }
    description.append(entry.getRequest().getMethod() == null ? "?" : entry.getRequest().getMethod().toCode())
        .append(' ')
        .append(entry.getRequest().getUrl())
        .append(')');
    return description.toString();
  }

  private InvalidRequestException invalid(Bundle bundle, int index, String problem) {
    return new InvalidRequestException(describe(bundle, index) + ": " + problem + ". Nothing was stored.");
  }

  private static String resourceTypeOf(String url) {
    String path = url.startsWith("/") ? url.substring(1) : url;
    int end = path.length();
    for (char separator : new char[] {'?', '/'}) {
      int at = path.indexOf(separator);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return path.substring(0, end);
  }
}
