package org.continuumcare.routes.relay;

import java.time.Instant;

/** One attempt as kept in the attempt journal until it is turned into an AuditEvent. */
public record JournaledAttempt(long journalId, DeliveryAttempt attempt, Instant recordedAt) {}
