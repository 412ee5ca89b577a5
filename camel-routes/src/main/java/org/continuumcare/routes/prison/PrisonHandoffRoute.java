package org.continuumcare.routes.prison;

import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.hl7.HL7MLLPNettyDecoderFactory;
import org.apache.camel.component.hl7.HL7MLLPNettyEncoderFactory;

/**
 * HL7 v2 release handoffs in: MLLP listener (netty TCP + camel-hl7's MLLP codec) and {@code direct:} both go to
 * {@code prison-handoff-hl7v2-inbound}: translate -> (handoff) commit the FHIR transaction at the configured endpoint
 * -> AA, or (refused) the AE/AR naming the fault; a commit failure answers AE and stores nothing.
 */
public final class PrisonHandoffRoute extends RouteBuilder {

    public static final String ROUTE_ID = "prison-handoff-hl7v2-inbound";
    public static final String MLLP_ROUTE_ID = "prison-handoff-mllp-inbound";
    public static final String DIRECT = "direct:prison-handoff-hl7v2";
    public static final String COMMIT_ROUTE_ID = "prison-handoff-commit";
    static final String COMMIT = "direct:prison-handoff-commit";
    static final String MLLP_DECODER = "continuumPrisonMllpDecoder";
    static final String MLLP_ENCODER = "continuumPrisonMllpEncoder";

    private final PrisonProperties properties;
    private final PrisonHandoffSteps steps;

    public PrisonHandoffRoute(PrisonProperties properties, PrisonHandoffSteps steps) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.steps = Objects.requireNonNull(steps, "steps");
    }

    @Override
    public void configure() {
        HL7MLLPNettyDecoderFactory decoder = new HL7MLLPNettyDecoderFactory();
        decoder.setCharset("UTF-8");
        HL7MLLPNettyEncoderFactory encoder = new HL7MLLPNettyEncoderFactory();
        encoder.setCharset("UTF-8");
        getContext().getRegistry().bind(MLLP_DECODER, decoder);
        getContext().getRegistry().bind(MLLP_ENCODER, encoder);

        from(properties.mllpUri()).routeId(MLLP_ROUTE_ID)
                .to(DIRECT);

        from(DIRECT).routeId(ROUTE_ID)
                .convertBodyTo(String.class)
                .bean(steps, "translate")
                .choice()
                    .when(body().isInstanceOf(Hl7v2Intake.Rejected.class))
                        .bean(steps, "rejected")
                    .otherwise()
                        .to(COMMIT)
                .end();

        from(COMMIT).routeId(COMMIT_ROUTE_ID)
                .doTry()
                    .bean(steps, "transaction")
                    .to(properties.transactionEndpoint())
                    .bean(steps, "accepted")
                .doCatch(Exception.class)
                    .bean(steps, "storeFailed")
                .end();
    }
}
