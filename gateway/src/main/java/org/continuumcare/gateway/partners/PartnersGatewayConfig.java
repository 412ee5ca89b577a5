package org.continuumcare.gateway.partners;

import org.continuumcare.gateway.security.AccessGate;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import jakarta.servlet.MultipartConfigElement;
import java.time.Clock;
import org.continuumcare.gateway.fhir.FhirServerExtension;
import org.continuumcare.routes.employment.EmploymentOutcomeMapper;
import org.continuumcare.routes.employment.EmploymentProperties;
import org.continuumcare.routes.hmis.HmisCsvImporter;
import org.continuumcare.routes.housing.HousingProperties;
import org.continuumcare.routes.housing.HousingStatusCallbackMapper;
import org.continuumcare.routes.referral.TaskTransitionGuard;
import org.continuumcare.routes.referral.TaskTransitions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;

/**
 * Housing and employment partners in the gateway: the referral lifecycle enforced on the
 * FHIR API, the partners' inbound endpoints (status callbacks, outcome webhooks, HMIS exports by
 * upload or drop directory) and the referral lookup their outbound adapters use.
 */
@Configuration(proxyBeanMethods = false)
class PartnersGatewayConfig {

  @Bean
  PartnerAudit partnerAudit(DaoRegistry daos, Clock clock, JpaTransactionManager transactions,
      io.micrometer.core.instrument.MeterRegistry meters) {
    return new PartnerAudit(daos, new PartnerAuditEventMapper(clock), transactions, meters);
  }

  @Bean
  FhirServerExtension referralTaskTransitions(PartnerAudit audit) {
    ReferralTaskTransitionInterceptor interceptor = new ReferralTaskTransitionInterceptor(
        new TaskTransitionGuard(TaskTransitions.referralLifecycle()), audit);
    return server -> server.registerInterceptor(interceptor);
  }

  @Bean
  ReferralRecords referralRecords(DaoRegistry daos) {
    return new ReferralRecords(daos);
  }

  @Bean
  ConfiguredPartners configuredPartners(ObjectProvider<HousingProperties> housing,
      ObjectProvider<EmploymentProperties> employment,
      ObjectProvider<HousingStatusCallbackMapper> housingCallbacks,
      ObjectProvider<EmploymentOutcomeMapper> employmentOutcomes) {
    return new ConfiguredPartners(housing, employment, housingCallbacks, employmentOutcomes);
  }

  @Bean
  PartnerTaskUpdates partnerTaskUpdates(ReferralRecords records, DaoRegistry daos,
      JpaTransactionManager transactions, AccessGate gate) {
    return new PartnerTaskUpdates(records, daos, transactions, gate);
  }

  @Bean
  @ConditionalOnProperty(prefix = "continuum.housing", name = "enabled", havingValue = "true")
  HmisImports hmisImports(HmisCsvImporter importer, ReferralRecords records, DaoRegistry daos,
      JpaTransactionManager transactions, HousingProperties housing, Clock clock) {
    return new HmisImports(importer, records, daos, transactions,
        housing.hmisPersonalIdSystem(), housing.hmisZone(), clock);
  }

  @Bean
  @ConditionalOnProperty(prefix = "continuum.housing", name = "enabled", havingValue = "true")
  HmisUploads hmisUploads(HmisImports imports, HousingProperties housing) {
    return new HmisUploads(imports, housing.hmisMaxUpload().toBytes());
  }

  /** Multipart HMIS uploads up to {@code continuum.housing.hmis-max-upload} (Boot's default is 1 MB). */
  @Bean
  @ConditionalOnProperty(prefix = "continuum.housing", name = "enabled", havingValue = "true")
  MultipartConfigElement hmisMultipartConfig(HousingProperties housing) {
    long max = housing.hmisMaxUpload().toBytes();
    return new MultipartConfigElement(null, max, max, 1 << 20);
  }

  @Bean
  @ConditionalOnExpression("'${continuum.housing.enabled:false}' == 'true'"
      + " && '${continuum.housing.hmis-drop-dir:}' != ''")
  HmisDropRoute hmisDropRoute(HmisImports imports, HousingProperties housing) {
    return new HmisDropRoute(housing.hmisDropDir(),
        new HmisDropImporter(imports, housing.partnerId()));
  }
}
