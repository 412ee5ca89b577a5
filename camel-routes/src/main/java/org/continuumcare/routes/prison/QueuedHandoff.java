package org.continuumcare.routes.prison;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the handoff queue ({@link HandoffQueue}): a translated HL7 v2 handoff answered CA and
 * waiting to be stored as FHIR, or a dead letter that could not be.
 *
 * @param id queue id
 * @param controlId MSH-10 of the message
 * @param sendingFacility MSH-4 as written
 * @param releaseDate the person's release date (handoffs nearer release are stored first)
 * @param transactionJson the FHIR transaction Bundle, as translated when the message was accepted
 * @param state PENDING, IN_FLIGHT or DEAD
 * @param attempts store attempts made
 * @param lastError why the last attempt failed (null before a failure)
 * @param receivedAt when the CA was answered
 * @param leaseToken the claim's token (fences every outcome), null when not claimed
 */
public record QueuedHandoff(
    long id,
    String controlId,
    String sendingFacility,
    LocalDate releaseDate,
    String transactionJson,
    String state,
    int attempts,
    String lastError,
    Instant receivedAt,
    String leaseToken) {}
