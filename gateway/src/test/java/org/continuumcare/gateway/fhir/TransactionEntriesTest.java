package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class TransactionEntriesTest {

  private final TransactionEntries entries = new TransactionEntries(FhirContext.forR4Cached());

  @Test
  void wellFormedTransactionPassesTheCheck() {
    Bundle bundle = bundle();

    entries.checkRequests(bundle);
  }

  @Test
  void urlNamingNoResourceTypeIsRefusedWithTheEntryIndexAndFullUrl() {
    Bundle bundle = bundle();
    bundle.getEntry().get(1).getRequest().setUrl("Spaceship");

    assertThatThrownBy(() -> entries.checkRequests(bundle))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Bundle.entry[1] (fullUrl urn:uuid:obs-1, POST Spaceship)")
        .hasMessageContaining("names no resource type");
  }

  @Test
  void bodyOfAnotherTypeThanTheUrlIsRefused() {
    Bundle bundle = bundle();
    bundle.getEntry().get(1).getRequest().setUrl("Patient");

    assertThatThrownBy(() -> entries.checkRequests(bundle))
        .hasMessageContaining("Bundle.entry[1]")
        .hasMessageContaining("names Patient but the entry holds a Observation");
  }

  @Test
  void entryWithoutMethodIsRefused() {
    Bundle bundle = bundle();
    bundle.getEntry().get(0).getRequest().setMethod(null);

    assertThatThrownBy(() -> entries.checkRequests(bundle)).hasMessageContaining("Bundle.entry[0]").hasMessageContaining("request.method is missing");
  }

  @Test
  void conditionalUrlsAndDeletesAreAccepted() {
    Bundle bundle = bundle();
    bundle.getEntry().get(0).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient?identifier=urn:x|1");
    bundle.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("Observation/123");

    entries.checkRequests(bundle);
  }

  @Test
  void findsEveryEntryThatRefersToAGivenResource() {
    Bundle bundle = bundle();
    ((Observation) bundle.getEntry().get(1).getResource()).setSubject(new Reference("Patient/missing"));
    bundle.addEntry().setFullUrl("urn:uuid:obs-2").setResource(new Observation().setSubject(new Reference("Patient/other")))
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

    assertThat(entries.entriesReferringTo(bundle, "Patient/missing")).containsExactly(1);
    assertThat(entries.entriesReferringTo(bundle, "Patient/nobody")).isEmpty();
  }

  private static Bundle bundle() {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle.addEntry().setFullUrl("urn:uuid:pat-1").setResource(new Patient())
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
    bundle.addEntry().setFullUrl("urn:uuid:obs-1").setResource(new Observation())
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    return bundle;
  }
}
