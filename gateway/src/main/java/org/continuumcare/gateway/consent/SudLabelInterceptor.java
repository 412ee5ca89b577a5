package org.continuumcare.gateway.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.storage.IResourcePersistentId;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.Optional;
import java.util.function.Supplier;
import org.continuumcare.gateway.consent.LabelPolicy.Decision;
import org.continuumcare.gateway.security.Caller;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labels SUD records as they are stored (HAPI's STORAGE_PRESTORAGE pointcuts, registered on the JPA
 * interceptor service so REST writes, transactions and the gateway's own routes are all covered):
 * {@code R}, {@code 42CFRPart2}, {@code SUD} by {@link LabelPolicy}, and the source program tag.
 * Labels a resource already carries are kept; an update keeps the labels and the source program of
 * the version it replaces (a client cannot unlabel a record by leaving its labels out).
 */
@Interceptor
final class SudLabelInterceptor {

  private static final Logger log = LoggerFactory.getLogger(SudLabelInterceptor.class);

  private final LabelPolicy policy;
  private final ConsentDirectory directory;
  private final SourceProgram sourceProgram;
  private final Supplier<Optional<Caller>> callers;

  SudLabelInterceptor(
      LabelPolicy policy,
      ConsentDirectory directory,
      SourceProgram sourceProgram,
      Supplier<Optional<Caller>> callers) {
    this.policy = policy;
    this.directory = directory;
    this.sourceProgram = sourceProgram;
    this.callers = callers;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void created(IBaseResource resource, TransactionDetails transaction) {
    label(resource, null, transaction);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void updated(
      IBaseResource previous, IBaseResource resource, TransactionDetails transaction) {
    label(resource, previous, transaction);
  }

  private void label(
      IBaseResource resource, IBaseResource previous, TransactionDetails transaction) {
    Optional<String> writer = callers.get().map(Caller::organizationId);
    Decision decision = policy.decide(resource, writer);
    boolean label =
        decision.label()
            || (previous != null && SecurityLabels.isPart2(previous))
            || inheritsLabel(decision, transaction);
    if (!label) {
      return;
    }
    SecurityLabels.labelPart2(resource);
    Optional<String> source =
        previous == null ? Optional.empty() : SecurityLabels.sourceProgram(previous);
    if (source.isEmpty()) {
      source = writer.filter(policy::isProgram).or(() -> sourceProgram.of(resource));
    }
    source.ifPresent(id -> SecurityLabels.setSourceProgram(resource, id));
    log.debug("Consent: labelled a {} as SUD record ({})", resource.fhirType(), decision.reasons());
  }

  private boolean inheritsLabel(Decision decision, TransactionDetails transaction) {
    for (String reference : decision.inheritFrom()) {
      String resolved = reference;
      if (reference.startsWith("urn:")) {
        // Created earlier in the same transaction: HAPI knows what the placeholder became.
        IdType placeholder = new IdType(reference);
        IBaseResource created =
            transaction == null ? null : transaction.getResolvedResource(placeholder);
        if (created != null) {
          if (SecurityLabels.isPart2(created)) {
            return true;
          }
          continue;
        }
        IResourcePersistentId<?> id =
            transaction == null ? null : transaction.getResolvedResourceId(placeholder);
        if (id == null || id.getAssociatedResourceId() == null) {
          continue;
        }
        resolved = id.getAssociatedResourceId().toUnqualifiedVersionless().getValue();
      }
      // Written earlier in the same transaction: HAPI holds it (a read would not find it yet).
      IBaseResource sameTransaction =
          transaction == null ? null : transaction.getResolvedResource(new IdType(resolved));
      if (sameTransaction != null) {
        if (SecurityLabels.isPart2(sameTransaction)) {
          return true;
        }
        continue;
      }
      if (directory.read(resolved).filter(SecurityLabels::isPart2).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
