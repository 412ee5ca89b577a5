package org.continuumcare.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

class TransactionValidationBatchTest {

  private final Patient patient = new Patient();
  private final ServiceRequest referral = new ServiceRequest();
  private final Composition handoff = new Composition();
  private final Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);

  TransactionValidationBatchTest() {
    transaction
        .addEntry()
        .setFullUrl("urn:uuid:p")
        .setResource(patient)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient");
    transaction
        .addEntry()
        .setFullUrl("urn:uuid:r")
        .setResource(referral)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("ServiceRequest");
    transaction
        .addEntry()
        .setFullUrl("urn:uuid:c")
        .setResource(handoff)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Composition?identifier=s|1");
    referral.setId("ServiceRequest/41");
  }

  @Test
  void errorsInsideAnEntryAreGivenToTheTransactionEntryAsTheClientWroteIt() {
    List<TransactionValidationBatch> validated = new ArrayList<>();
    TransactionValidationBatch batch = new TransactionValidationBatch(transaction, validated::add);
    batch.add(referral);
    batch.add(handoff);

    List<TransactionValidationBatch.EntryError> errors =
        batch.errorsFrom(
            List.of(
                error(
                    "Bundle.entry[1].resource/*Composition/null*/.section[0].code", "unknown code"),
                error(
                    "Bundle.entry[0].resource/*ServiceRequest/41*/",
                    "ServiceRequest.requester: minimum required = 1")));

    assertThat(errors)
        .containsExactly(
            new TransactionValidationBatch.EntryError(
                "Bundle.entry[2] (fullUrl urn:uuid:c, PUT Composition?identifier=s|1)",
                "Composition.section[0].code",
                "unknown code"),
            new TransactionValidationBatch.EntryError(
                "Bundle.entry[1] (fullUrl urn:uuid:r, POST ServiceRequest)",
                "ServiceRequest",
                "ServiceRequest.requester: minimum required = 1"));
  }

  @Test
  void errorsAboutTheWrappingBundleItselfAreNotTheClientsAndAreDropped() {
    TransactionValidationBatch batch = new TransactionValidationBatch(transaction, b -> {});
    batch.add(referral);

    assertThat(
            batch.errorsFrom(
                List.of(error("Bundle.entry[0]", "fullUrl looks wrong"), error("Bundle", "bdl-7"))))
        .isEmpty();
  }

  @Test
  void aResourceNotFoundInTheTransactionIsNamedByTypeAndId() {
    TransactionValidationBatch batch = new TransactionValidationBatch(transaction, b -> {});
    ServiceRequest other = new ServiceRequest();
    other.setId("ServiceRequest/7");
    batch.add(other);

    assertThat(
            batch.errorsFrom(
                List.of(error("Bundle.entry[0].resource/*ServiceRequest/7*/.subject", "required"))))
        .containsExactly(
            new TransactionValidationBatch.EntryError(
                "ServiceRequest/7", "ServiceRequest.subject", "required"));
  }

  @Test
  void theCollectionHoldsEachResourceOnceWithAFullUrlMatchingItsId() {
    TransactionValidationBatch batch = new TransactionValidationBatch(transaction, b -> {});
    batch.add(referral);
    batch.add(handoff);

    Bundle collection = batch.collection();

    assertThat(collection.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
    assertThat(collection.getEntry())
        .extracting(Bundle.BundleEntryComponent::getResource)
        .containsExactly(referral, handoff);
    assertThat(collection.getEntry().get(0).getFullUrl()).endsWith("/ServiceRequest/41");
    assertThat(collection.getEntry().get(1).getFullUrl()).startsWith("urn:uuid:");
  }

  private static SingleValidationMessage error(String location, String message) {
    SingleValidationMessage error = new SingleValidationMessage();
    error.setSeverity(ResultSeverityEnum.ERROR);
    error.setLocationString(location);
    error.setMessage(message);
    return error;
  }
}
