package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.jpa.term.TermReadSvcImpl;
import jakarta.persistence.EntityManagerFactory;
import java.util.Properties;
import javax.sql.DataSource;
import org.continuumcare.gateway.persistence.DatabasePlatform;
import org.continuumcare.gateway.persistence.HapiSchemaMigration;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * HAPI FHIR JPA storage (R4) on Spring Boot's {@link DataSource}: HAPI's own configuration classes,
 * the storage settings Continuum relies on, and an entity manager factory that only starts once
 * HAPI's migrator has brought the schema up to date.
 */
@Configuration(proxyBeanMethods = false)
@Import({
  JpaR4Config.class,
  HapiJpaConfig.class,
  ThreadPoolFactoryConfig.class,
  JpaBatch2Config.class,
  Batch2JobsConfig.class,
  SubscriptionChannelConfig.class
})
class FhirJpaConfig {

  @Bean
  DatabasePlatform databasePlatform(DataSource dataSource) {
    return DatabasePlatform.of(dataSource);
  }

  @Bean(initMethod = "migrate")
  HapiSchemaMigration hapiSchemaMigration(DataSource dataSource, DatabasePlatform platform) {
    return new HapiSchemaMigration(dataSource, platform);
  }

  @Bean
  JpaStorageSettings jpaStorageSettings() {
    JpaStorageSettings settings = new JpaStorageSettings();
    // A reference must point at something that exists: no silent placeholders, no dangling links.
    settings.setEnforceReferentialIntegrityOnWrite(true);
    // The package installer stores only active conformance resources unless told otherwise; the
    // packages it
    // installs are ours, and one of their Questionnaires (MIRC-28) is draft on purpose until
    // verified.
    settings.setValidateResourceStatusForPackageUpload(false);
    settings.setEnforceReferentialIntegrityOnDelete(true);
    settings.setAutoCreatePlaceholderReferenceTargets(false);
    settings.setAllowExternalReferences(false);
    // Conditional references ("Patient?identifier=...") inside transactions, as partners send them.
    settings.setAllowInlineMatchUrlReferences(true);
    settings.setAllowMultipleDelete(false);
    // Nothing is destroyed through the API; history is the audit trail of a record.
    settings.setExpungeEnabled(false);
    settings.setDeleteExpungeEnabled(false);
    // A search answers from the database as it is now: no reuse of an earlier identical search's
    // results (HAPI's default is 60 s), so a partner polling for a Task's status never sees a stale
    // one.
    settings.setReuseCachedSearchResultsForMillis(null);
    settings.setUniqueIndexesEnabled(true);
    settings.setUniqueIndexesCheckedBeforeSave(true);
    // The GET entries of a batch run one after another on the request's own thread, not on HAPI's
    // pool: each is judged as the caller by the access gate and the scope rules, which keep the
    // request's state (what was decided, what to account for) in the request, not for threads;
    // and each gets the request's statement timeout and stops with the request.
    settings.setBundleBatchPoolSize(1);
    settings.setBundleBatchMaxPoolSize(1);
    // ValueSets are expanded when asked for, not in the background: the SUD label ValueSets use
    // ICD-10 prefix rules that only Continuum's own ValueSetMembership evaluates (HAPI has no
    // ICD-10-CM code system to pre-expand them against, and would log a failure for each).
    settings.setPreExpandValueSets(false);
    settings.setBundleBatchMaxPoolSize(1);
    return settings;
  }

  /**
   * Continuum runs without Hibernate Search (no Lucene or Elasticsearch index to keep consistent
   * across replicas; {@code hibernate.search.enabled=false}). HAPI's searches notice that through
   * {@code IFulltextSearchSvc#isDisabled()}, but its terminology service only checks that the bean
   * exists and then fails ValueSet {@code $expand} with HSEARCH800001. HAPI's only switch for this
   * is the static flag below (named for unit tests); it sends expansion down HAPI's database path.
   */
  @Bean
  TerminologyWithoutFullTextSearch terminologyWithoutFullTextSearch() {
    TermReadSvcImpl.setForceDisableHibernateSearchForUnitTest(true);
    return new TerminologyWithoutFullTextSearch();
  }

  /** Marker that the terminology service was told full-text search is off. */
  record TerminologyWithoutFullTextSearch() {}

  @Bean
  PartitionSettings partitionSettings() {
    return new PartitionSettings();
  }

  @Bean
  SubscriptionSettings subscriptionSettings() {
    return new SubscriptionSettings();
  }

  @Primary
  @Bean
  @DependsOn("hapiSchemaMigration")
  LocalContainerEntityManagerFactoryBean entityManagerFactory(
      DataSource dataSource,
      DatabasePlatform platform,
      ConfigurableListableBeanFactory beanFactory,
      FhirContext fhirContext,
      JpaStorageSettings storageSettings) {
    LocalContainerEntityManagerFactoryBean factory =
        HapiEntityManagerFactoryUtil.newEntityManagerFactory(
            beanFactory, fhirContext, storageSettings);
    factory.setPersistenceUnitName("HAPI_PU");
    factory.setDataSource(dataSource);
    factory.setJpaProperties(hibernateProperties(platform));
    return factory;
  }

  @Primary
  @Bean
  JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
    return new JpaTransactionManager(entityManagerFactory);
  }

  static Properties hibernateProperties(DatabasePlatform platform) {
    Properties properties = new Properties();
    properties.put("hibernate.dialect", platform.hibernateDialect());
    // The schema belongs to HAPI's migrator (HapiSchemaMigration), never to Hibernate.
    properties.put("hibernate.hbm2ddl.auto", "none");
    properties.put("hibernate.search.enabled", "false");
    properties.put("hibernate.format_sql", "false");
    properties.put("hibernate.show_sql", "false");
    properties.put("hibernate.jdbc.batch_size", "20");
    properties.put("hibernate.order_inserts", "true");
    properties.put("hibernate.order_updates", "true");
    properties.put("hibernate.cache.use_query_cache", "false");
    properties.put("hibernate.cache.use_second_level_cache", "false");
    properties.put("hibernate.cache.use_structured_entries", "false");
    properties.put("hibernate.cache.use_minimal_puts", "false");
    return properties;
  }
}
