package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.provider.ValueSetOperationProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.narrative2.NullNarrativeGenerator;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR REST API at {@code /fhir}: every resource type HAPI's JPA layer stores, the system-level
 * operations (batch, transaction, history), paging kept in the database so any replica can serve
 * the next page, and whatever Continuum adds as {@link FhirServerExtension} beans (operations and
 * interceptors of the other features).
 */
@Configuration(proxyBeanMethods = false)
class FhirRestfulServerConfig {

  static final String FHIR_PATH = "/fhir/*";

  @Bean
  RestfulServer fhirRestfulServer(
      IFhirSystemDao<?, ?> systemDao,
      ResourceProviderFactory resourceProviders,
      JpaSystemProvider<?, ?> systemProvider,
      JpaStorageSettings storageSettings,
      ISearchParamRegistry searchParamRegistry,
      IValidationSupport validationSupport,
      DatabaseBackedPagingProvider pagingProvider,
      ValueSetOperationProvider valueSetOperations,
      HapiFhirProperties properties,
      List<FhirServerExtension> extensions) {
    RestfulServer server = new RestfulServer(systemDao.getContext());
    server.getFhirContext().setNarrativeGenerator(new NullNarrativeGenerator());
    server.registerProviders(resourceProviders.createProviders());
    server.registerProvider(systemProvider);
    // ValueSet $expand / $validate-code (CodeSystem and ConceptMap operations live on their
    // providers).
    server.registerProvider(valueSetOperations);
    server.setServerConformanceProvider(
        new JpaCapabilityStatementProvider(
            server, systemDao, storageSettings, searchParamRegistry, validationSupport));
    // HAPI's own paging provider bean (HapiJpaConfig), sized from our settings.
    pagingProvider.setDefaultPageSize(properties.defaultPageSize());
    pagingProvider.setMaximumPageSize(properties.maxPageSize());
    server.setPagingProvider(pagingProvider);
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setServerAddressStrategy(
        properties.serverAddress().isBlank()
            ? new IncomingRequestAddressStrategy()
            : new HardcodedServerAddressStrategy(properties.serverAddress()));
    server.registerInterceptor(
        new ErrorResponseInterceptor(new TransactionEntries(server.getFhirContext())));
    // Racing conditional creates: the loser is run again and finds the winner's resource.
    server.registerInterceptor(new ConditionalWriteRetryInterceptor());
    extensions.forEach(extension -> extension.extend(server));
    return server;
  }

  @Bean
  StoreScan storeScan(FhirContext fhir, DatabaseBackedPagingProvider pagingProvider) {
    return new StoreScan(fhir, pagingProvider);
  }

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServletRegistration(RestfulServer server) {
    ServletRegistrationBean<RestfulServer> registration =
        new ServletRegistrationBean<>(server, FHIR_PATH);
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
