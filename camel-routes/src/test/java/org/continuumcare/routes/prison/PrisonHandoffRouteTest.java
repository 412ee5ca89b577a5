package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/** The handoff route over real MLLP on a loopback port; ACKs parsed by HAPI as the sending system would. */
class PrisonHandoffRouteTest extends CamelTestSupport {

    private final int port = AvailablePortFinder.getNextAvailable();
    private final List<Bundle> committed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean storeFails = new AtomicBoolean();

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        PrisonProperties properties = new PrisonProperties(true, "127.0.0.1", port, "direct:test-fhir-transaction",
                null, null, null, null, null, null, null, null, null, null);
        RouteBuilder recordingStore = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:test-fhir-transaction").routeId("test-fhir-transaction").process(exchange -> {
                    if (storeFails.get()) {
                        throw new IllegalStateException("database unavailable");
                    }
                    committed.add(exchange.getMessage().getBody(Bundle.class));
                });
            }
        };
        return new RoutesBuilder[] {
                new PrisonHandoffRoute(properties, new PrisonHandoffSteps(PrisonFixtures.translator())),
                recordingStore};
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
        String message = PrisonFixtures.er7(Hl7v2Samples.MSH_251, Hl7v2Samples.EVN, pid, Hl7v2Samples.PV1);

        Hl7v2Acks parsed = Hl7v2Acks.parse(sendOverMllp(message));

        assertThat(parsed.get("/MSA-1")).isEqualTo("AE");
        assertThat(parsed.get("/ERR-2-1")).isEqualTo("PID");
        assertThat(parsed.get("/ERR-2-3")).isEqualTo("3");
        assertThat(committed).isEmpty();
    }

    @Test
    void storeFailureIsAnAeTheSenderCanRetry() throws Exception {
        storeFails.set(true);

        Hl7v2Acks parsed = Hl7v2Acks.parse(sendOverMllp(Hl7v2Samples.discharge()));

        assertThat(parsed.get("/MSA-1")).isEqualTo("AE");
        assertThat(parsed.get("/MSA-2")).isEqualTo("CTRL-1");
        assertThat(parsed.get("/ERR-3-1")).isEqualTo("207");
        assertThat(parsed.get("/ERR-8")).contains("could not be stored");
        assertThat(committed).isEmpty();
    }

    @Test
    void directEndpointAnswersTheSameAck() {
        String ack = template.requestBody(PrisonHandoffRoute.DIRECT, Hl7v2Samples.discharge(), String.class);

        assertThat(Hl7v2Acks.parse(ack).get("/MSA-1")).isEqualTo("AA");
        assertThat(committed).hasSize(1);
        assertThat(context.getRoute(PrisonHandoffRoute.ROUTE_ID)).isNotNull();
        assertThat(context.getRoute(PrisonHandoffRoute.MLLP_ROUTE_ID).getEndpoint().getEndpointUri())
                .contains("127.0.0.1:" + port);
    }
}
