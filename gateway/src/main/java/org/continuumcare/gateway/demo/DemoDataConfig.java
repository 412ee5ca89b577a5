package org.continuumcare.gateway.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.gateway.security.SecurityProperties;
import org.continuumcare.routes.handoff.HandoffIntake;
import org.continuumcare.routes.handoff.HandoffReply;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Seeds the demo partner Organizations and their Endpoints at startup when {@code
 * continuum.demo.enabled=true} (the zero-setup run), so a demo handoff's references resolve and the
 * relay has somewhere to deliver; and, unless {@code continuum.demo.person=false}, the demo
 * person's records ({@link DemoPerson}) that the README's example handoff cites and the releases
 * around today that the console shows ({@link DemoReleases}, when the prison handoff is on); and
 * the Practitioner and PractitionerRole of each demo user of the development issuer ({@link
 * DemoUsers}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "continuum.demo", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
class DemoDataConfig {

  private static final Logger log = LoggerFactory.getLogger(DemoDataConfig.class);

  @Bean
  ApplicationRunner demoDataRunner(
      DaoRegistry daos,
      DemoProperties properties,
      SecurityProperties security,
      FhirContext fhirContext,
      ObjectProvider<HandoffIntake> handoffs,
      Clock clock) {
    DemoDataSeeder seeder = new DemoDataSeeder(daos);
    return arguments -> {
      List<Resource> records = new ArrayList<>(DemoUsers.of(security.devIssuer().users()));
      if (properties.person()) {
        records.addAll(DemoPerson.resources(fhirContext));
      }
      seeder.seed(properties.organizations(), records);
      HandoffIntake intake = handoffs.getIfUnique();
      if (properties.person() && intake != null) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int changed = seeder.write(DemoReleases.before(today));
        for (byte[] handoff : DemoReleases.handoffs(today)) {
          store(intake, handoff);
        }
        changed += seeder.write(DemoReleases.after(today));
        log.info(
            "Demo data: {} release handoffs around {}, {} other records created or changed",
            DemoReleases.handoffs(today).size(),
            today,
            changed);
      }
    };
  }

  /**
   * Stores a demo handoff through the registered intake, exactly as {@code POST /api/handoffs}
   * would (its schema, cited-record check and translation).
   */
  private static void store(HandoffIntake intake, byte[] handoff) {
    HandoffReply reply = intake.json(handoff, "/fhir");
    if (reply.status() / 100 != 2) {
      throw new IllegalStateException(
          "A demo release handoff was refused (HTTP " + reply.status() + "): " + reply.body());
    }
  }
}
