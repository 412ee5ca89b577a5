package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class ConditionalWriteRetryInterceptorTest {

  private final ConditionalWriteRetryInterceptor interceptor =
      new ConditionalWriteRetryInterceptor();

  private static SystemRequestDetails request(RestOperationTypeEnum operation) {
    SystemRequestDetails request = new SystemRequestDetails();
    request.setRestOperationType(operation);
    request.setResourceName("Patient");
    return request;
  }

  private static Bundle transaction(String ifNoneExist, Bundle.HTTPVerb method, String url) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle
        .addEntry()
        .setResource(new Patient())
        .getRequest()
        .setMethod(method)
        .setUrl(url)
        .setIfNoneExist(ifNoneExist);
    return bundle;
  }

  @Test
  void aConditionalCreateThatLostARaceIsRetried() {
    SystemRequestDetails create = request(RestOperationTypeEnum.CREATE);
    create.addHeader(Constants.HEADER_IF_NONE_EXIST, "Patient?identifier=urn:x|1");

    ResourceVersionConflictResolutionStrategy strategy = interceptor.retryConditionalWrites(create);

    assertThat(strategy.isRetry()).isTrue();
    assertThat(strategy.getMaxRetries()).isEqualTo(ConditionalWriteRetryInterceptor.MAX_RETRIES);
  }

  @Test
  void aTransactionWithAConditionalCreateOrUpdateIsRetried() {
    SystemRequestDetails withCreate = request(RestOperationTypeEnum.TRANSACTION);
    withCreate.setResource(
        transaction("Patient?identifier=urn:x|1", Bundle.HTTPVerb.POST, "Patient"));
    SystemRequestDetails withUpdate = request(RestOperationTypeEnum.TRANSACTION);
    withUpdate.setResource(transaction(null, Bundle.HTTPVerb.PUT, "Patient?identifier=urn:x|1"));

    assertThat(interceptor.retryConditionalWrites(withCreate).isRetry()).isTrue();
    assertThat(interceptor.retryConditionalWrites(withUpdate).isRetry()).isTrue();
  }

  @Test
  void writesWithoutAConditionKeepHapisNoRetry() {
    SystemRequestDetails plainCreate = request(RestOperationTypeEnum.CREATE);
    SystemRequestDetails plainTransaction = request(RestOperationTypeEnum.TRANSACTION);
    plainTransaction.setResource(transaction(null, Bundle.HTTPVerb.PUT, "Patient/1"));

    assertThat(interceptor.retryConditionalWrites(plainCreate)).isNull();
    assertThat(interceptor.retryConditionalWrites(plainTransaction)).isNull();
    assertThat(interceptor.retryConditionalWrites(null)).isNull();
  }
}
