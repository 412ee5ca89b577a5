package org.continuumcare.routes.prison;

import static org.continuumcare.routes.prison.PrisonFhir.PROVENANCE_PARTICIPANT;
import static org.continuumcare.routes.prison.PrisonFhir.V3_ACT_CODE;
import static org.continuumcare.routes.prison.PrisonFhir.V3_CONFIDENTIALITY;
import static org.continuumcare.routes.prison.PrisonFhir.V3_DATA_OPERATION;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Pure mapper from a withdrawn release ({@link HandoffWithdrawal}) and the handoff as stored to the
 * transaction that withdraws it: the Composition becomes {@code entered-in-error}, every referral
 * ServiceRequest still active (or draft, on hold) {@code revoked}, every referral Task not yet
 * ended {@code cancelled} with the reason in statusReason; each as a versioned update (If-Match: a
 * record a partner changed meanwhile fails the transaction, which stores nothing). The cancel
 * message is kept as a Binary, and a Provenance (activity NULLIFY) names it as the source of every
 * change. Records already ended (a completed referral, a rejected Task) are left as they are; when
 * nothing is left to withdraw (a resent cancel) there is no transaction.
 */
public final class HandoffWithdrawalMapper {

  private static final Set<Task.TaskStatus> ENDED =
      Set.of(
          Task.TaskStatus.CANCELLED,
          Task.TaskStatus.COMPLETED,
          Task.TaskStatus.FAILED,
          Task.TaskStatus.REJECTED,
          Task.TaskStatus.ENTEREDINERROR);
  private static final Set<ServiceRequest.ServiceRequestStatus> OPEN =
      Set.of(
          ServiceRequest.ServiceRequestStatus.DRAFT,
          ServiceRequest.ServiceRequestStatus.ACTIVE,
          ServiceRequest.ServiceRequestStatus.ONHOLD);

  private final HandoffDefaults defaults;
  private final Clock clock;
  private final java.util.function.Supplier<UUID> ids;

  public HandoffWithdrawalMapper(
      HandoffDefaults defaults, Clock clock, java.util.function.Supplier<UUID> ids) {
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /** The transaction, or empty when every record is already withdrawn (or ended). */
  public Optional<Bundle> map(HandoffWithdrawal withdrawal, List<DomainResource> stored) {
    Date now = Date.from(clock.instant());
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle.setTimestamp(now);
    List<String> changed = new ArrayList<>();
    Reference patient = null;
    for (DomainResource resource : stored) {
      DomainResource copy = resource.copy();
      boolean change = false;
      if (copy instanceof Composition composition) {
        patient = composition.getSubject();
        if (composition.getStatus() != Composition.CompositionStatus.ENTEREDINERROR) {
          composition.setStatus(Composition.CompositionStatus.ENTEREDINERROR);
          change = true;
        }
      } else if (copy instanceof ServiceRequest request && OPEN.contains(request.getStatus())) {
        request.setStatus(ServiceRequest.ServiceRequestStatus.REVOKED);
        change = true;
      } else if (copy instanceof Task task && !ENDED.contains(task.getStatus())) {
        task.setStatus(Task.TaskStatus.CANCELLED);
        task.setStatusReason(new CodeableConcept().setText(withdrawal.reason()));
        task.setLastModified(now);
        change = true;
      }
      if (change) {
        String url = copy.fhirType() + "/" + copy.getIdElement().getIdPart();
        String version = copy.getIdElement().getVersionIdPart();
        Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(copy);
        entry.getRequest().setMethod(HTTPVerb.PUT).setUrl(url);
        if (version != null) {
          entry.getRequest().setIfMatch("W/\"" + version + "\"");
        }
        copy.setId(url);
        changed.add(url);
      }
    }
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    String binaryId = UUID.nameUUIDFromBytes(withdrawal.source().content()).toString();
    Binary binary =
        new Binary()
            .setContentType(withdrawal.source().contentType())
            .setData(withdrawal.source().content());
    if (patient != null && patient.hasReference()) {
      binary.setSecurityContext(new Reference(patient.getReference()));
    }
    label(binary);
    String binaryUrl = "Binary/" + binaryId;
    binary.setId(binaryUrl);
    bundle
        .addEntry()
        .setFullUrl("urn:uuid:" + ids.get())
        .setResource(binary)
        .getRequest()
        .setMethod(HTTPVerb.PUT)
        .setUrl(binaryUrl);

    Provenance provenance = new Provenance();
    changed.forEach(url -> provenance.addTarget(new Reference(url)));
    provenance.setRecorded(now);
    provenance.setActivity(
        new CodeableConcept(new Coding(V3_DATA_OPERATION, "NULLIFY", "nullify"))
            .setText(withdrawal.reason()));
    provenance.addReason().setText(withdrawal.reason());
    provenance
        .addAgent()
        .setType(new CodeableConcept(new Coding(PROVENANCE_PARTICIPANT, "author", "Author")))
        .setWho(new Reference("Organization/" + defaults.senderOrganizationId()));
    provenance
        .addAgent()
        .setType(new CodeableConcept(new Coding(PROVENANCE_PARTICIPANT, "assembler", "Assembler")))
        .setWho(new Reference("Organization/" + defaults.gatewayOrganizationId()));
    provenance
        .addEntity()
        .setRole(Provenance.ProvenanceEntityRole.SOURCE)
        .setWhat(new Reference(binaryUrl));
    label(provenance);
    String provenanceUrl =
        "Provenance/"
            + UUID.nameUUIDFromBytes(
                (withdrawal.handoffId() + "|" + binaryId).getBytes(StandardCharsets.UTF_8));
    provenance.setId(provenanceUrl);
    bundle
        .addEntry()
        .setFullUrl("urn:uuid:" + ids.get())
        .setResource(provenance)
        .getRequest()
        .setMethod(HTTPVerb.PUT)
        .setUrl(provenanceUrl);
    return Optional.of(bundle);
  }

  private static void label(Resource resource) {
    resource.getMeta().addSecurity(new Coding(V3_CONFIDENTIALITY, "R", "restricted"));
    resource.getMeta().addSecurity(new Coding(V3_ACT_CODE, "42CFRPart2", "42 CFR Part2"));
  }
}
