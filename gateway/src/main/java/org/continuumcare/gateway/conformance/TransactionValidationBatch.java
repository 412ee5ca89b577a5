package org.continuumcare.gateway.conformance;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.continuumcare.gateway.fhir.TransactionEntries;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The resources of one database transaction (the entries of a FHIR transaction Bundle) that claim
 * one of our profiles, validated together in one validator call just before the transaction
 * commits. The validator sees them as the entries of a {@code collection} Bundle, each checked
 * against the profiles it declares; every error it reports inside an entry is given back to that
 * entry, named as the client wrote it ({@code Bundle.entry[3] (fullUrl urn:uuid:…, POST
 * Composition)}). Errors about the wrapping Bundle itself are the wrapper's, not the client's, and
 * are dropped.
 */
final class TransactionValidationBatch {

  /**
   * An error about one resource of the batch: which transaction entry, where in the resource, what.
   */
  record EntryError(String entry, String location, String message) {}

  private static final Pattern ENTRY_LOCATION =
      Pattern.compile("^Bundle\\.entry\\[(\\d+)\\]\\.resource(?:/\\*[^*]*\\*/)?(.*)$");

  private final Bundle transaction;
  private final Map<IBaseResource, Integer> transactionIndex = new IdentityHashMap<>();
  private final List<IBaseResource> resources = new ArrayList<>();
  private final Consumer<TransactionValidationBatch> validation;

  TransactionValidationBatch(Bundle transaction, Consumer<TransactionValidationBatch> validation) {
    this.transaction = transaction;
    this.validation = validation;
    List<Bundle.BundleEntryComponent> entries = transaction.getEntry();
    for (int index = 0; index < entries.size(); index++) {
      if (entries.get(index).getResource() != null) {
        transactionIndex.put(entries.get(index).getResource(), index);
      }
    }
  }

  void add(IBaseResource resource) {
    resources.add(resource);
  }

  List<IBaseResource> resources() {
    return List.copyOf(resources);
  }

  /** The resources as entries of a collection Bundle, in the order they were stored. */
  Bundle collection() {
    Bundle collection = new Bundle().setType(Bundle.BundleType.COLLECTION);
    for (IBaseResource resource : resources) {
      String id = resource.getIdElement().getIdPart();
      String fullUrl =
          id == null
              ? "urn:uuid:" + UUID.randomUUID()
              : "https://continuum.invalid/fhir/" + resource.fhirType() + "/" + id;
      collection.addEntry().setFullUrl(fullUrl).setResource((Resource) resource);
    }
    return collection;
  }

  /** The validator's errors on {@link #collection()}, each given to the entry it is about. */
  List<EntryError> errorsFrom(List<SingleValidationMessage> errors) {
    List<EntryError> found = new ArrayList<>();
    for (SingleValidationMessage error : errors) {
      Matcher location =
          ENTRY_LOCATION.matcher(
              error.getLocationString() == null ? "" : error.getLocationString());
      if (location.matches()) {
        IBaseResource resource = resources.get(Integer.parseInt(location.group(1)));
        found.add(
            new EntryError(
                entryOf(resource), resource.fhirType() + location.group(2), error.getMessage()));
      }
    }
    return found;
  }

  private String entryOf(IBaseResource resource) {
    Integer index = transactionIndex.get(resource);
    if (index != null) {
      return TransactionEntries.describe(transaction, index);
    }
    String id = resource.getIdElement().getIdPart();
    return id == null ? resource.fhirType() : resource.fhirType() + "/" + id;
  }

  /**
   * Validates the batch before the commit (a failure rolls everything back) and forgets it after.
   */
  TransactionSynchronization synchronization(Object key) {
    return new TransactionSynchronization() {
      @Override
      public void beforeCommit(boolean readOnly) {
        if (!resources.isEmpty()) {
          validation.accept(TransactionValidationBatch.this);
        }
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
      }
    };
  }
}
