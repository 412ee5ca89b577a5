package org.continuumcare.gateway.handoff;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.continuumcare.routes.prison.HandoffDefaults;
import org.hl7.fhir.r4.model.Organization;

/** Sample messages and the partner Organizations a handoff's references need. */
public final class HandoffFixtures {

  /** The HL7 v2 samples of the prison route (camel-routes' test resources, see their README). */
  static final Path SAMPLES = Path.of("../camel-routes/src/test/resources/prison/hl7v2");

  private HandoffFixtures() {}

  static String sample(String file) {
    try {
      return Files.readString(SAMPLES.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] jsonExample() {
    try (InputStream in =
        HandoffFixtures.class.getResourceAsStream("/prison/release-handoff.example.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates every Organization the handoff references that does not exist yet (others are left as
   * they are).
   */
  public static void ensureOrganizations(IGenericClient fhir, HandoffDefaults defaults) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(defaults.senderOrganizationId());
    ids.add(defaults.gatewayOrganizationId());
    ids.add(defaults.receivingProviderId());
    ids.add(defaults.housingProviderId());
    ids.add(defaults.employmentProviderId());
    ids.add(defaults.peerSupportProviderId());
    for (String id : ids) {
      try {
        fhir.read().resource(Organization.class).withId(id).execute();
      } catch (ResourceNotFoundException missing) {
        Organization organization = new Organization().setName(id).setActive(true);
        organization.setId("Organization/" + id);
        fhir.update().resource(organization).execute();
      }
    }
  }

  /**
   * Runs {@code send} from {@code senders} threads released together; their answers, in submission
   * order.
   */
  static <T> List<T> atOnce(int senders, Callable<T> send) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < senders; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return send.call();
                }));
      }
      start.countDown();
      List<T> answers = new ArrayList<>();
      for (Future<T> future : futures) {
        answers.add(future.get(180, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
