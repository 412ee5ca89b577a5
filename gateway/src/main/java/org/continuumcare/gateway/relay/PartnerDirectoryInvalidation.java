package org.continuumcare.gateway.relay;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.continuumcare.routes.relay.CachingPartnerDirectory;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Clears the cached partner directory when an Organization or Endpoint is created, updated or
 * deleted: at once and again after the commit (a lookup between the two may have cached the old
 * version).
 */
@Interceptor
final class PartnerDirectoryInvalidation {

  private final CachingPartnerDirectory directory;

  PartnerDirectoryInvalidation(CachingPartnerDirectory directory) {
    this.directory = directory;
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource) {
    written(resource);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource) {
    written(resource);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
  public void deleted(IBaseResource resource) {
    written(resource);
  }

  private void written(IBaseResource resource) {
    String type = resource.fhirType();
    if (!"Organization".equals(type) && !"Endpoint".equals(type)) {
      return;
    }
    directory.invalidate();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              directory.invalidate();
            }
          });
    }
  }
}
