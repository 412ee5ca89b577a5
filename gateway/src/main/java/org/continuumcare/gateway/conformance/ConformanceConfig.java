package org.continuumcare.gateway.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.packages.IHapiPackageCacheManager;
import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.gateway.fhir.FhirServerExtension;
import org.continuumcare.profiles.scoring.AssessmentScoring;
import org.continuumcare.profiles.scoring.MircScoringKey;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Continuum's FHIR packages on the server: installed at startup, enforced on every write, and
 * assessments scored as they are stored. Storage interceptors go to HAPI's global interceptor
 * service so they apply to every write (REST, transactions, and the gateway's own routes alike).
 */
@Configuration(proxyBeanMethods = false)
class ConformanceConfig {

  @Bean
  FhirPackageInstaller fhirPackageInstaller(
      IPackageInstallerSvc installer, IHapiPackageCacheManager storedPackages) {
    return new FhirPackageInstaller(installer, storedPackages);
  }

  /**
   * The instance validator of every validation on this server ({@code $validate}, validation on
   * write): HAPI's, configured by HAPI, with its InstanceValidators pooled instead of built per
   * call.
   */
  @Bean
  @Primary
  PooledInstanceValidator pooledInstanceValidator(
      @Qualifier("myInstanceValidator") IInstanceValidatorModule hapis) {
    return new PooledInstanceValidator((FhirInstanceValidator) hapis);
  }

  @Bean
  AssessmentScoring assessmentScoring() {
    return AssessmentScoring.standard(MircScoringKey.UNVERIFIED);
  }

  @Bean
  ConformanceInterceptors conformanceInterceptors(
      IInterceptorService interceptors,
      ConformanceProperties properties,
      FhirContext fhirContext,
      IInstanceValidatorModule instanceValidator,
      AssessmentScoring scoring,
      DaoRegistry daos,
      Clock clock) {
    List<Object> registered = new ArrayList<>();
    if (properties.validateOnWrite()) {
      registered.add(new ProfileValidationInterceptor(fhirContext, instanceValidator));
    }
    if (properties.scoreAssessments()) {
      registered.add(new AssessmentScoringInterceptor(scoring, daos, clock));
      registered.add(new GoalAchievementInterceptor(daos));
    }
    registered.forEach(interceptors::registerInterceptor);
    return new ConformanceInterceptors(registered);
  }

  /** The storage interceptors this feature registered with HAPI, by configuration. */
  record ConformanceInterceptors(List<Object> registered) {}

  @Bean
  FhirServerExtension scoringWarnings() {
    return server -> server.registerInterceptor(new ScoringWarnings());
  }
}
