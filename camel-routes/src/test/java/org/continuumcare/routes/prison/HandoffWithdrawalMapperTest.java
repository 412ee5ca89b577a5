package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class HandoffWithdrawalMapperTest {

  private final HandoffWithdrawalMapper mapper =
      new HandoffWithdrawalMapper(
          HandoffDefaults.demo(), PrisonFixtures.CLOCK, PrisonFixtures.sequentialIds());

  private static HandoffWithdrawal cancelDischarge() {
    return new HandoffWithdrawal(
        "hl7v2|urn:oid:1.2|RCF-1|visit:V-1",
        "A13",
        List.of(new ReleaseHandoff.PersonIdentifier("urn:oid:1.2", "RCF-1", "MR")),
        new ReleaseHandoff.SourceMessage(
            PrisonHl7v2HandoffMapper.CONTENT_TYPE,
            "MSH|^~\\&|...".getBytes(StandardCharsets.UTF_8)));
  }

  private static Composition composition(Composition.CompositionStatus status) {
    Composition composition = new Composition().setStatus(status);
    composition.setSubject(new Reference("Patient/p1"));
    composition.setId(new IdType("Composition", "c1", "3"));
    return composition;
  }

  private static ServiceRequest referral(String id, ServiceRequest.ServiceRequestStatus status) {
    ServiceRequest request = new ServiceRequest().setStatus(status);
    request.setId(new IdType("ServiceRequest", id, "1"));
    return request;
  }

  private static Task task(String id, Task.TaskStatus status) {
    Task task = new Task().setStatus(status);
    task.setId(new IdType("Task", id, "2"));
    return task;
  }

  @Test
  void aWithdrawalMarksTheHandoffInErrorRevokesOpenReferralsAndCancelsOpenTasksWithTheReason() {
    List<DomainResource> stored =
        List.of(
            composition(Composition.CompositionStatus.FINAL),
            referral("sr1", ServiceRequest.ServiceRequestStatus.ACTIVE),
            task("t1", Task.TaskStatus.REQUESTED),
            task("t2", Task.TaskStatus.ACCEPTED));

    Bundle transaction = mapper.map(cancelDischarge(), stored).orElseThrow();

    Composition composition = (Composition) transaction.getEntry().get(0).getResource();
    assertThat(composition.getStatus()).isEqualTo(Composition.CompositionStatus.ENTEREDINERROR);
    assertThat(transaction.getEntry().get(0).getRequest().getUrl()).isEqualTo("Composition/c1");
    assertThat(transaction.getEntry().get(0).getRequest().getIfMatch()).isEqualTo("W/\"3\"");
    ServiceRequest referral = (ServiceRequest) transaction.getEntry().get(1).getResource();
    assertThat(referral.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
    for (int i = 2; i <= 3; i++) {
      Task task = (Task) transaction.getEntry().get(i).getResource();
      assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
      assertThat(task.getStatusReason().getText())
          .isEqualTo("Release withdrawn: discharge cancelled (ADT^A13)");
      assertThat(task.getLastModified()).isEqualTo(java.util.Date.from(PrisonFixtures.NOW));
    }
    assertThat(transaction.getEntry().get(4).getResource()).isInstanceOf(Binary.class);
    Provenance provenance = (Provenance) transaction.getEntry().get(5).getResource();
    assertThat(provenance.getTarget())
        .extracting(Reference::getReference)
        .containsExactly("Composition/c1", "ServiceRequest/sr1", "Task/t1", "Task/t2");
    assertThat(provenance.getActivity().getCodingFirstRep().getCode()).isEqualTo("NULLIFY");
    assertThat(provenance.getEntityFirstRep().getWhat().getReference())
        .isEqualTo(transaction.getEntry().get(4).getRequest().getUrl());
  }

  @Test
  void recordsThatHaveEndedAreLeftAsTheyAre() {
    List<DomainResource> stored =
        List.of(
            composition(Composition.CompositionStatus.FINAL),
            referral("sr1", ServiceRequest.ServiceRequestStatus.COMPLETED),
            task("t1", Task.TaskStatus.COMPLETED),
            task("t2", Task.TaskStatus.REJECTED));

    Bundle transaction = mapper.map(cancelDischarge(), stored).orElseThrow();

    assertThat(transaction.getEntry())
        .extracting(e -> e.getRequest().getUrl())
        .startsWith("Composition/c1")
        .hasSize(3);
  }

  @Test
  void aResentCancelFindsNothingLeftToWithdrawAndWritesNothing() {
    List<DomainResource> stored =
        List.of(
            composition(Composition.CompositionStatus.ENTEREDINERROR),
            referral("sr1", ServiceRequest.ServiceRequestStatus.REVOKED),
            task("t1", Task.TaskStatus.CANCELLED));

    Optional<Bundle> transaction = mapper.map(cancelDischarge(), stored);

    assertThat(transaction).isEmpty();
  }
}
