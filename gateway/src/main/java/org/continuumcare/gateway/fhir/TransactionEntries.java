package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** {@code Type/id} in a HAPI message (ids: FHIR's id characters). */
  private static final Pattern RESOURCE_REFERENCE =
      Pattern.compile("\\b([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})");

  /**
   * A conditional create or update lost to a concurrent one: HAPI's code for it, or (PostgreSQL
   * names the constraint) the failed insert into HAPI's table of conditional URLs.
   */
  private static final String CONDITIONAL_CONSTRAINT_CODE = "HAPI-2745";

  private static final String MATCH_URL_TABLE = "HFJ_RES_SEARCH_URL";

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
        throw invalid(
            bundle,
            index,
            "request.url '" + url + "' names no resource type this server knows ('" + type + "')");
      }
      IBaseResource resource = entry.getResource();
      if ((method == HTTPVerb.POST || method == HTTPVerb.PUT) && !type.startsWith("$")) {
        if (resource == null) {
          throw invalid(bundle, index, method + " needs a resource in the entry");
        }
        if (!type.equals(resource.fhirType())) {
          throw invalid(
              bundle,
              index,
              "request.url names " + type + " but the entry holds a " + resource.fhirType());
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

  /**
   * The entries a 409 (HAPI version conflict) refusing the transaction is about: those whose
   * request or resource is the first resource the message names that is in the Bundle (a delete of
   * a resource still referenced, an update of a version that is no longer current); for a lost race
   * of conditional creates (which names no resource) the conditional writes. Empty when the message
   * points at no entry.
   */
  List<Integer> entriesInConflict(Bundle bundle, String message) {
    if (message == null) {
      return List.of();
    }
    Matcher named = RESOURCE_REFERENCE.matcher(message);
    while (named.find()) {
      if (!fhirContext.getResourceTypes().contains(named.group(1))) {
        continue;
      }
      // A sentence may end right after the id.
      String reference = named.group(1) + "/" + named.group(2).replaceAll("\\.+$", "");
      List<Integer> found = new ArrayList<>();
      for (int index = 0; index < bundle.getEntry().size(); index++) {
        if (isAbout(bundle.getEntry().get(index), reference)) {
          found.add(index);
        }
      }
      if (!found.isEmpty()) {
        return found;
      }
    }
    if (message.contains(CONDITIONAL_CONSTRAINT_CODE)
        || message.toUpperCase(Locale.ROOT).contains(MATCH_URL_TABLE)) {
      List<Integer> conditional = new ArrayList<>();
      for (int index = 0; index < bundle.getEntry().size(); index++) {
        if (ConditionalWriteRetryInterceptor.isConditionalWrite(bundle.getEntry().get(index))) {
          conditional.add(index);
        }
      }
      return conditional;
    }
    return List.of();
  }

  private static boolean isAbout(BundleEntryComponent entry, String reference) {
    String url = entry.getRequest().getUrl();
    if (url != null) {
      String path = url.startsWith("/") ? url.substring(1) : url;
      if (path.equals(reference)
          || path.startsWith(reference + "/")
          || path.startsWith(reference + "?")) {
        return true;
      }
    }
    if (entry.hasFullUrl()
        && (entry.getFullUrl().equals(reference) || entry.getFullUrl().endsWith("/" + reference))) {
      return true;
    }
    IBaseResource resource = entry.getResource();
    return resource != null
        && resource.getIdElement().hasIdPart()
        && reference.equals(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
  }

  /** {@code Bundle.entry[3] (fullUrl urn:uuid:…, POST Observation)}. */
  public static String describe(Bundle bundle, int index) {
    BundleEntryComponent entry = bundle.getEntry().get(index);
    StringBuilder description = new StringBuilder("Bundle.entry[").append(index).append("] (");
    if (entry.hasFullUrl()) {
      description.append("fullUrl ").append(entry.getFullUrl()).append(", ");
    }
    description
        .append(
            entry.getRequest().getMethod() == null ? "?" : entry.getRequest().getMethod().toCode())
        .append(' ')
        .append(entry.getRequest().getUrl())
        .append(')');
    return description.toString();
  }

  private InvalidRequestException invalid(Bundle bundle, int index, String problem) {
    return new InvalidRequestException(
        describe(bundle, index) + ": " + problem + ". Nothing was stored.");
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
