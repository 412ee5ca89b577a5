package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * The handoff route over real MLLP on a loopback port; ACKs parsed by HAPI as the sending system
 * would.
 */
class PrisonHandoffRouteTest extends CamelTestSupport {

  private final int port = AvailablePortFinder.getNextAvailable();
  private final List<Bundle> committed = new CopyOnWriteArrayList<>();
  private final AtomicBoolean storeFails = new AtomicBoolean();

  /** Commits that lose a version race: the stored Task moves on a version before failing. */
  private final AtomicInteger versionRacesLost = new AtomicInteger();

  /** The handoffs "stored" (by handoff id) for the cancels to find. */
  private final Map<String, List<DomainResource>> stored = new ConcurrentHashMap<>();

  @Override
  protected RoutesBuilder[] createRouteBuilders() {
    PrisonProperties properties =
        new PrisonProperties(
            true,
            "127.0.0.1",
            port,
            "direct:test-fhir-transaction",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    RouteBuilder recordingStore =
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:test-fhir-transaction")
                .routeId("test-fhir-transaction")
                .process(
                    exchange -> {
                      if (storeFails.get()) {
                        throw new IllegalStateException("database unavailable");
                      }
                      if (versionRacesLost.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        stored.values().stream()
                            .flatMap(List::stream)
                            .filter(Task.class::isInstance)
                            .forEach(
                                t ->
                                    t.setId(
                                        new IdType(
                                            "Task",
                                            t.getIdElement().getIdPart(),
                                            String.valueOf(
                                                t.getIdElement().getVersionIdPartAsLong() + 1))));
                        throw new ResourceVersionConflictException("HAPI-0989: version conflict");
                      }
                      committed.add(exchange.getMessage().getBody(Bundle.class));
                    });
          }
        };
    return new RoutesBuilder[] {
      new PrisonHandoffRoute(
          properties,
          new PrisonHandoffSteps(
              PrisonFixtures.translator(),
              handoffId -> stored.getOrDefault(handoffId, List.of()),
              new HandoffWithdrawalMapper(
                  HandoffDefaults.demo(), PrisonFixtures.CLOCK, PrisonFixtures.sequentialIds()))),
      recordingStore
    };
  }

  private String sendOverMllp(String message) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(0x0b);
      out.write(message.getBytes(StandardCharsets.UTF_8));
      out.write(new byte[] {0x1c, 0x0d});
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream ack = new ByteArrayOutputStream();
      int previous = -1;
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (previous == 0x1c && b == 0x0d) {
          break;
        }
        if (previous >= 0 && previous != 0x0b) {
          ack.write(previous);
        }
        previous = b;
      }
      return ack.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void dischargeOverMllpIsCommittedThenAcknowledgedAa() throws Exception {
    String ack = sendOverMllp(Hl7v2Samples.discharge());

    Hl7v2Acks parsed = Hl7v2Acks.parse(ack);
    assertThat(parsed.get("/MSA-1")).isEqualTo("AA");
    assertThat(parsed.get("/MSA-2")).isEqualTo("CTRL-1");
    assertThat(committed).hasSize(1);
    assertThat(committed.get(0).getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
  }

  @Test
  void referralMessageOverMllpGetsArAndNothingIsCommitted() throws Exception {
    String message = Files.readString(Path.of("src/test/resources/prison/hl7v2/REF-I12-01.hl7"));

    Hl7v2Acks parsed = Hl7v2Acks.parse(sendOverMllp(message));

    assertThat(parsed.get("/MSA-1")).isEqualTo("AR");
    assertThat(parsed.get("/MSA-2")).isEqualTo("MSG00112");
    assertThat(parsed.get("/ERR-3-1")).isEqualTo("200");
    assertThat(committed).isEmpty();
  }

  @Test
  void missingPid3OverMllpGetsAeNamingTheField() throws Exception {
    String pid = Hl7v2Samples.segment("PID", 1, "1", 5, "Reyes^Jordan");
    String message =
        PrisonFixtures.er7(Hl7v2Samples.MSH_251, Hl7v2Samples.EVN, pid, Hl7v2Samples.PV1);

    Hl7v2Acks parsed = Hl7v2Acks.parse(sendOverMllp(message));

    assertThat(parsed.get("/MSA-1")).isEqualTo("AE");
    assertThat(parsed.get("/ERR-2-1")).isEqualTo("PID");
    assertThat(parsed.get("/ERR-2-3")).isEqualTo("3");
    assertThat(committed).isEmpty();
  }

  /**
   * ADT^A13 (cancel discharge) of the sample discharge: the same person (PID-3) and visit (PV1-19).
   */
  private static String cancelDischarge(String controlId) {
    return PrisonFixtures.er7(
        Hl7v2Samples.MSH_251.replace("ADT^A03^ADT_A03|CTRL-1", "ADT^A13^ADT_A01|" + controlId),
        "EVN|A13|20261216100000",
        Hl7v2Samples.PID,
        Hl7v2Samples.PV1);
  }

  private void dischargeIsStored() {
    Hl7v2Intake.Translated discharge =
        (Hl7v2Intake.Translated) PrisonFixtures.translator().translate(Hl7v2Samples.discharge());
    Composition composition = new Composition().setStatus(Composition.CompositionStatus.FINAL);
    composition.setId(new IdType("Composition", "c1", "1"));
    Task task = new Task().setStatus(Task.TaskStatus.REQUESTED);
    task.setId(new IdType("Task", "t1", "4"));
    stored.put(
        ReleaseHandoffTransactionMapper.handoffId(discharge.handoff()), List.of(composition, task));
  }

  @Test
  void aCancelledDischargeOverMllpCommitsTheWithdrawalOfTheStoredHandoffThenAcknowledgesAa()
      throws Exception {
    dischargeIsStored();

    Hl7v2Acks parsed = Hl7v2Acks.parse(sendOverMllp(cancelDischarge("CTRL-A13")));

    assertThat(parsed.get("/MSA-1")).isEqualTo("AA");
    assertThat(parsed.get("/MSA-2")).isEqualTo("CTRL-A13");
    assertThat(committed).hasSize(1);
    Task cancelled = (Task) committed.get(0).getEntry().get(1).getResource();
    assertThat(cancelled.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
    assertThat(cancelled.getStatusReason().getText()).contains("ADT^A13");
  }

  @Test
  void aWithdrawalThatLosesAVersionRaceReadsTheHandoffAgainAndCommitsOnTheNewVersion()
      throws Exception {
    dischargeIsStored();
    versionRacesLost.set(2);

    Hl7v2Acks parsed = Hl7v2Acks.parse(sendOverMllp(cancelDischarge("CTRL-A13")));

    assertThat(parsed.get("/MSA-1")).isEqualTo("AA");
    assertThat(committed).hasSize(1);
    assertThat(committed.get(0).getEntry().get(1).getRequest().getIfMatch()).isEqualTo("W/\"6\"");
  }

  @Test
  void aWithdrawalThatKeepsLosingVersionRacesGetsArTheSenderCanResend() throws Exception {
    dischargeIsStored();
    versionRacesLost.set(10);

    Hl7v2Acks parsed = Hl7v2Acks.parse(sendOverMllp(cancelDischarge("CTRL-A13")));

    assertThat(parsed.get("/MSA-1")).isEqualTo("AR");
    assertThat(committed).isEmpty();
  }

  @Test
  void aCancelOfAHandoffThatIsNotStoredGetsAeNamingPid3AndPv119() throws Exception {
    Hl7v2Acks parsed = Hl7v2Acks.parse(sendOverMllp(cancelDischarge("CTRL-A13")));

    assertThat(parsed.get("/MSA-1")).isEqualTo("AE");
    assertThat(parsed.get("/ERR(0)-2-1")).isEqualTo("PID");
    assertThat(parsed.get("/ERR(0)-2-3")).isEqualTo("3");
    assertThat(parsed.get("/ERR(1)-2-1")).isEqualTo("PV1");
    assertThat(parsed.get("/ERR(1)-2-3")).isEqualTo("19");
    assertThat(parsed.get("/ERR(0)-3-1")).isEqualTo("204");
    assertThat(committed).isEmpty();
  }

  @Test
  void aTrainingMessageIsRejectedAr202AndNothingIsCommitted() throws Exception {
    String training = Hl7v2Samples.discharge().replace("|CTRL-1|P|2.5.1", "|CTRL-1|T|2.5.1");

    Hl7v2Acks parsed = Hl7v2Acks.parse(sendOverMllp(training));

    assertThat(parsed.get("/MSA-1")).isEqualTo("AR");
    assertThat(parsed.get("/ERR-2-3")).isEqualTo("11");
    assertThat(parsed.get("/ERR-3-1")).isEqualTo("202");
    assertThat(committed).isEmpty();
  }

  @Test
  void anAdtEventThisInterfaceDoesNotTakeIsRejectedAr201() throws Exception {
    String transfer = Hl7v2Samples.discharge().replace("ADT^A03^ADT_A03", "ADT^A02^ADT_A02");

    Hl7v2Acks parsed = Hl7v2Acks.parse(sendOverMllp(transfer));

    assertThat(parsed.get("/MSA-1")).isEqualTo("AR");
    assertThat(parsed.get("/ERR-3-1")).isEqualTo("201");
    assertThat(committed).isEmpty();
  }

  @Test
  void storeFailureIsAnArTheSenderCanResend() throws Exception {
    storeFails.set(true);

    Hl7v2Acks parsed = Hl7v2Acks.parse(sendOverMllp(Hl7v2Samples.discharge()));

    assertThat(parsed.get("/MSA-1")).isEqualTo("AR");
    assertThat(parsed.get("/MSA-2")).isEqualTo("CTRL-1");
    assertThat(parsed.get("/ERR-3-1")).isEqualTo("207");
    assertThat(parsed.get("/ERR-8")).contains("could not be stored");
    assertThat(committed).isEmpty();
  }

  /**
   * Two frames on one connection; returns the frames answered, in order (each answer is VT ack FS
   * CR).
   */
  private String[] twoFramesOneConnection(String first, String second, int answers)
      throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      for (String message : List.of(first, second)) {
        out.write(0x0b);
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.write(new byte[] {0x1c, 0x0d});
      }
      out.flush();
      InputStream in = socket.getInputStream();
      String[] acks = new String[answers];
      for (int i = 0; i < answers; i++) {
        ByteArrayOutputStream ack = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != 0x1c; b = in.read()) {
          if (b != 0x0b) {
            ack.write(b);
          }
        }
        in.read(); // CR after FS
        acks[i] = ack.toString(StandardCharsets.UTF_8);
      }
      return acks;
    }
  }

  @Test
  void anEnhancedModeSenderAskingForErrorsOnlyGetsNoAcknowledgmentForAStoredHandoff()
      throws Exception {
    String quiet = Hl7v2Samples.discharge().replace("|CTRL-1|P|2.5.1", "|CTRL-Q|P|2.5.1|||NE|ER");
    String always = Hl7v2Samples.discharge().replace("|CTRL-1|P|2.5.1", "|CTRL-A|P|2.5.1|||NE|AL");

    String[] acks = twoFramesOneConnection(quiet, always, 1);

    assertThat(Hl7v2Acks.parse(acks[0]).get("/MSA-2"))
        .as("the first frame was answered by nothing")
        .isEqualTo("CTRL-A");
    assertThat(committed).hasSize(2);
  }

  @Test
  void anEnhancedModeSenderAskingForSuccessOnlyApplicationAcksGetsTheAcceptAcknowledgmentOfAnError()
      throws Exception {
    String pid = Hl7v2Samples.segment("PID", 1, "1", 5, "Reyes^Jordan");
    String msh = Hl7v2Samples.MSH_251 + "|||AL|SU";

    String[] acks =
        twoFramesOneConnection(
            PrisonFixtures.er7(msh, Hl7v2Samples.EVN, pid, Hl7v2Samples.PV1),
            Hl7v2Samples.discharge(),
            2);

    assertThat(Hl7v2Acks.parse(acks[0]).get("/MSA-1")).isEqualTo("CE");
    assertThat(Hl7v2Acks.parse(acks[0]).get("/ERR-2-3")).isEqualTo("3");
    assertThat(Hl7v2Acks.parse(acks[1]).get("/MSA-1")).isEqualTo("AA");
  }

  @Test
  void directEndpointAnswersTheSameAck() {
    String ack =
        template.requestBody(PrisonHandoffRoute.DIRECT, Hl7v2Samples.discharge(), String.class);

    assertThat(Hl7v2Acks.parse(ack).get("/MSA-1")).isEqualTo("AA");
    assertThat(committed).hasSize(1);
    assertThat(context.getRoute(PrisonHandoffRoute.ROUTE_ID)).isNotNull();
    assertThat(context.getRoute(PrisonHandoffRoute.MLLP_ROUTE_ID).getEndpoint().getEndpointUri())
        .contains("127.0.0.1:" + port);
  }
}
