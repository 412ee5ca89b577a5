package org.continuumcare.routes.prison;

import java.util.Objects;
import org.apache.camel.Exchange;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of {@link PrisonHandoffRoute}: translate, hand over the transaction, answer with the ACK. */
public final class PrisonHandoffSteps {

    static final String INTAKE = "continuumPrisonIntake";
    private static final Logger log = LoggerFactory.getLogger(PrisonHandoffSteps.class);

    private final PrisonHl7v2Translator translator;

    public PrisonHandoffSteps(PrisonHl7v2Translator translator) {
        this.translator = Objects.requireNonNull(translator, "translator");
    }

    public Hl7v2Intake translate(String er7, Exchange exchange) {
        Hl7v2Intake intake = translator.translate(er7);
        exchange.setProperty(INTAKE, intake);
        return intake;
    }

    /** The AR for an MLLP frame over {@code limitBytes}, from its first bytes (see {@link MllpFrameGuard}). */
    public String tooLarge(String start, long limitBytes) {
        return translator.tooLarge(start, limitBytes);
    }

    public Bundle transaction(Hl7v2Intake.Translated intake) {
        return intake.transaction();
    }

    public String accepted(Exchange exchange) {
        Hl7v2Intake intake = exchange.getProperty(INTAKE, Hl7v2Intake.class);
        log.info("HL7 v2 handoff {} stored, answering AA", intake.header().controlId());
        return translator.accept(intake.header());
    }

    public String rejected(Hl7v2Intake.Rejected intake) {
        return intake.nack();
    }

    /** The transaction could not be committed: an AE the sender may retry on; nothing was stored. */
    public String storeFailed(Exchange exchange) {
        return failed(exchange, "stored");
    }

    /** The handoff could not be written to the queue: a CE the sender may retry on; nothing was kept. */
    public String queueFailed(Exchange exchange) {
        return failed(exchange, "queued");
    }

    private String failed(Exchange exchange, String what) {
        Hl7v2Intake intake = exchange.getProperty(INTAKE, Hl7v2Intake.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Hl7v2Header header = intake == null ? Hl7v2Header.unreadable() : intake.header();
        var refused = HandoffQueueSteps.refusal(cause);
        if (refused != null) {
            // The sender's data, not a failure here (e.g. an unknown Organization): one line, no stack trace.
            log.warn("HL7 v2 handoff {} refused by the FHIR store (HTTP {})", header.controlId(), refused.getStatusCode());
        } else {
            log.error("HL7 v2 handoff {} could not be {}", header.controlId(), what, cause);
        }
        return translator.failed(header, "the handoff could not be " + what + "; nothing was kept, send it again");
    }
}
