package org.continuumcare.gateway.partners;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import jakarta.servlet.MultipartConfigElement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.continuumcare.gateway.fhir.FhirServerExtension;
import org.continuumcare.gateway.security.AccessGate;
import org.continuumcare.routes.partner.HmisImport;
import org.continuumcare.routes.partner.PartnerFormat;
import org.continuumcare.routes.referral.TaskTransitionGuard;
import org.continuumcare.routes.referral.TaskTransitions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;

/**
 * The partners in the gateway, whichever are registered ({@link PartnerFormat} beans): the referral
 * lifecycle enforced on the FHIR API, the partners' inbound endpoints (status messages, HMIS
 * exports by upload or drop directory) and the referral lookup their outbound adapters use.
 */
@Configuration(proxyBeanMethods = false)
class PartnersGatewayConfig {

  @Bean
  PartnerAudit partnerAudit(
      DaoRegistry daos,
      Clock clock,
      JpaTransactionManager transactions,
      io.micrometer.core.instrument.MeterRegistry meters) {
    return new PartnerAudit(daos, new PartnerAuditEventMapper(clock), transactions, meters);
  }

  @Bean
  FhirServerExtension referralTaskTransitions(PartnerAudit audit) {
    ReferralTaskTransitionInterceptor interceptor =
        new ReferralTaskTransitionInterceptor(
            new TaskTransitionGuard(TaskTransitions.referralLifecycle()), audit);
    return server -> server.registerInterceptor(interceptor);
  }

  @Bean
  ReferralFollowsTaskInterceptor referralFollowsTask(
      DaoRegistry daos, IInterceptorService interceptors) {
    ReferralFollowsTaskInterceptor interceptor = new ReferralFollowsTaskInterceptor(daos);
    // The JPA layer's interceptor service: storage pointcuts fire for every write, REST or not.
    interceptors.registerInterceptor(interceptor);
    return interceptor;
  }

  @Bean
  ReferralRecords referralRecords(DaoRegistry daos) {
    return new ReferralRecords(daos);
  }

  @Bean
  ConfiguredPartners configuredPartners(ObjectProvider<PartnerFormat> partners) {
    return new ConfiguredPartners(partners.orderedStream().toList());
  }

  @Bean
  PartnerTaskUpdates partnerTaskUpdates(
      ReferralRecords records,
      DaoRegistry daos,
      JpaTransactionManager transactions,
      AccessGate gate) {
    return new PartnerTaskUpdates(records, daos, transactions, gate);
  }

  /** One HMIS import per partner that sends HMIS exports (the same one for upload and drop). */
  @Bean
  HmisPartners hmisPartners(
      ConfiguredPartners partners,
      ReferralRecords records,
      DaoRegistry daos,
      JpaTransactionManager transactions,
      Clock clock) {
    Map<String, HmisImports> imports = new LinkedHashMap<>();
    Map<String, HmisUploads> uploads = new LinkedHashMap<>();
    for (PartnerFormat partner : partners.all()) {
      partner
          .hmisImport()
          .ifPresent(
              hmis -> {
                HmisImports partnerImports =
                    new HmisImports(
                        hmis.importer(),
                        records,
                        daos,
                        transactions,
                        hmis.personalIdSystem(),
                        hmis.zone(),
                        clock);
                imports.put(partner.partnerId(), partnerImports);
                uploads.put(
                    partner.partnerId(),
                    new HmisUploads(
                        partnerImports, hmis.maxUploadBytes(), hmis.maxUploadSetting()));
              });
    }
    return new HmisPartners(imports, uploads);
  }

  /**
   * Multipart HMIS uploads up to the largest of the partners' maximum upload sizes (Boot's default
   * is 1 MB); Boot's own settings when no partner sends HMIS exports.
   */
  @Bean
  MultipartConfigElement hmisMultipartConfig(
      ConfiguredPartners partners, ObjectProvider<MultipartProperties> multipart) {
    long max =
        partners.all().stream()
            .flatMap(p -> p.hmisImport().stream())
            .mapToLong(HmisImport::maxUploadBytes)
            .max()
            .orElse(-1);
    if (max < 0) {
      return multipart.getIfAvailable(MultipartProperties::new).createMultipartConfig();
    }
    return new MultipartConfigElement(null, max, max, 1 << 20);
  }

  @Bean
  HmisDropRoute hmisDropRoute(ConfiguredPartners partners, HmisPartners hmis) {
    List<HmisDropRoute.Drop> drops = new ArrayList<>();
    for (PartnerFormat partner : partners.all()) {
      partner
          .hmisImport()
          .filter(HmisImport::watchesDropDir)
          .ifPresent(
              settings ->
                  drops.add(
                      new HmisDropRoute.Drop(
                          settings.dropDir(),
                          settings.dropRouteId(),
                          new HmisDropImporter(
                              hmis.imports(partner.partnerId()).orElseThrow(),
                              partner.partnerId()))));
    }
    return new HmisDropRoute(drops);
  }
}
