package org.continuumcare.bench.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;

/**
 * Plain HAPI FHIR JPA (R4) on PostgreSQL, the way the HAPI JPA starter wires it: the yardstick the
 * gateway is measured against by {@code bench/compare.sh}. No Continuum interceptors, no security,
 * no validation on write; same HAPI version, same connection pool and Hibernate settings.
 */
@SpringBootApplication(
    exclude = {
      ThymeleafAutoConfiguration.class,
      QuartzAutoConfiguration.class,
      FlywayAutoConfiguration.class,
      ElasticsearchClientAutoConfiguration.class,
      ElasticsearchRestClientAutoConfiguration.class,
      HibernateJpaAutoConfiguration.class
    })
public class BaselineApplication {

  public static void main(String[] args) {
    SpringApplication.run(BaselineApplication.class, args);
  }
}
