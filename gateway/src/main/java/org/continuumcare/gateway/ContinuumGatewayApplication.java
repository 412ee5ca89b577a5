package org.continuumcare.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Continuum gateway. Configuration lives in the feature packages; this class only starts them.
 *
 * <p>Excluded auto-configurations arrive transitively with HAPI and would otherwise poll
 * Elasticsearch, run Flyway over HAPI's tables, or build a second entity manager factory. Spring
 * Boot's {@code /error} page is off too: its HTML and JSON bodies are replaced by OperationOutcomes
 * and problem documents written where each error happens (see {@code web.WebConfig}).
 */
@SpringBootApplication(
    scanBasePackages = "org.continuumcare",
    exclude = {
      ThymeleafAutoConfiguration.class,
      QuartzAutoConfiguration.class,
      FlywayAutoConfiguration.class,
      ElasticsearchClientAutoConfiguration.class,
      ElasticsearchRestClientAutoConfiguration.class,
      HibernateJpaAutoConfiguration.class,
      ErrorMvcAutoConfiguration.class
    })
@ConfigurationPropertiesScan("org.continuumcare")
public class ContinuumGatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(ContinuumGatewayApplication.class, args);
  }
}
