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

    assertThatThrownBy(() -> entries.checkRequests(bundle))
        .hasMessageContaining("Bundle.entry[0]")
        .hasMessageContaining("request.method is missing");
  }

  @Test
  void conditionalUrlsAndDeletesAreAccepted() {
    Bundle bundle = bundle();
    bundle
        .getEntry()
        .get(0)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Patient?identifier=urn:x|1");
    bundle.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("Observation/123");

    entries.checkRequests(bundle);
  }

  @Test
  void findsEveryEntryThatRefersToAGivenResource() {
    Bundle bundle = bundle();
    ((Observation) bundle.getEntry().get(1).getResource())
        .setSubject(new Reference("Patient/missing"));
    bundle
        .addEntry()
        .setFullUrl("urn:uuid:obs-2")
        .setResource(new Observation().setSubject(new Reference("Patient/other")))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Observation");

    assertThat(entries.entriesReferringTo(bundle, "Patient/missing")).containsExactly(1);
    assertThat(entries.entriesReferringTo(bundle, "Patient/nobody")).isEmpty();
  }

  @Test
  void aConflictNamingAResourceIsTracedToTheEntryThatWritesIt() {
    Bundle bundle = bundle();
    bundle.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("Patient/123");
    Patient update = new Patient();
    update.setId("Patient/456");
    bundle
        .addEntry()
        .setFullUrl("https://example.org/fhir/Patient/456")
        .setResource(update)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Patient/456");

    assertThat(
            entries.entriesInConflict(
                bundle,
                "HAPI-0550: HAPI-0515: Unable to delete Patient/123 because at least"
                    + " one resource has a reference to this resource. First reference found was resource Observation/9 in path"
                    + " Observation.subject"))
        .containsExactly(2);
    assertThat(
            entries.entriesInConflict(
                bundle,
                "HAPI-0989: Trying to update Patient/456/_history/3 but this is not the current version"))
        .containsExactly(3);
    assertThat(entries.entriesInConflict(bundle, "Trying to update Patient/456."))
        .containsExactly(3);
  }

  @Test
  void aLostRaceOfConditionalCreatesIsTracedToTheConditionalWrites() {
    Bundle bundle = bundle();
    bundle.getEntry().get(0).getRequest().setIfNoneExist("Patient?identifier=urn:x|1");
    bundle
        .addEntry()
        .setResource(new Observation())
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Observation?identifier=urn:x|obs");

    assertThat(
            entries.entriesInConflict(
                bundle,
                "HAPI-0549: Max retries (5) exceeded for version conflict: HAPI-2745:"
                    + " The operation has failed with a conditional constraint failure."))
        .containsExactly(0, 2);
    assertThat(
            entries.entriesInConflict(
                bundle,
                "HAPI-0550: could not execute batch [Batch entry 0 insert into"
                    + " HFJ_RES_SEARCH_URL (CREATED_TIME,PARTITION_DATE,RES_ID,RES_SEARCH_URL,PARTITION_ID) values (...) was"
                    + " aborted: ERROR: duplicate key value violates unique constraint \"hfj_res_search_url_pkey\""))
        .containsExactly(0, 2);
  }

  @Test
  void aConflictThatPointsAtNoEntryNamesNone() {
    Bundle bundle = bundle();

    assertThat(
            entries.entriesInConflict(
                bundle,
                "HAPI-0823: The operation has failed with a version constraint" + " failure."))
        .isEmpty();
    assertThat(entries.entriesInConflict(bundle, "Unable to delete Patient/elsewhere")).isEmpty();
  }

  private static Bundle bundle() {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle
        .addEntry()
        .setFullUrl("urn:uuid:pat-1")
        .setResource(new Patient())
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient");
    bundle
        .addEntry()
        .setFullUrl("urn:uuid:obs-1")
        .setResource(new Observation())
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Observation");
    return bundle;
  }
}
