package org.continuumcare.gateway.relay;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.routes.relay.DeliveryCoordinator;
import org.continuumcare.routes.relay.OutboxEntry;
import org.continuumcare.routes.relay.OutboxState;
import org.continuumcare.routes.relay.OutboxStore;
import org.continuumcare.routes.relay.RelayWakeup;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * {@code $relay-status} lists, per partner, how many deliveries are in each state and the pending
 * and dead-lettered ones with their last error; {@code $relay-replay} puts one or all dead letters
 * of a partner back in the queue (those queued while the partner had no Endpoint first pointed at
 * the Endpoint it has now). Both are for administrators: an authenticated caller that is not {@link
 * Caller.Access#ADMIN} gets 403 (the security filter chain decides who may call at all).
 */
final class RelayOperationsProvider {

  static final int MAX_LISTED = 200;

  private final OutboxStore outbox;
  private final DeliveryCoordinator coordinator;
  private final RelayWakeup wakeup;

  RelayOperationsProvider(OutboxStore outbox, DeliveryCoordinator coordinator, RelayWakeup wakeup) {
    this.outbox = outbox;
    this.coordinator = coordinator;
    this.wakeup = wakeup;
  }

  @Operation(name = "$relay-status", idempotent = true)
  public Parameters status(@OperationParam(name = "partner", min = 0, max = 1) StringType partner) {
    requireAdmin("$relay-status");
    Map<String, Map<OutboxState, Long>> counts = outbox.countsByPartner();
    Parameters result = new Parameters();
    if (partner != null && partner.hasValue()) {
      addPartner(result, partner.getValue(), counts.getOrDefault(partner.getValue(), Map.of()));
    } else {
      counts.forEach((id, byState) -> addPartner(result, id, byState));
    }
    return result;
  }

  @Operation(name = "$relay-replay")
  public Parameters replay(
      @OperationParam(name = "partner", min = 1, max = 1) StringType partner,
      @OperationParam(name = "entry", min = 0, max = 1) StringType entry) {
    requireAdmin("$relay-replay");
    if (partner == null || !partner.hasValue()) {
      throw new InvalidRequestException("$relay-replay needs the parameter 'partner'");
    }
    // Dead letters queued while the partner had no Endpoint go to the one it has now.
    coordinator.routeDeadLetters(partner.getValue());
    int replayed;
    if (entry != null && entry.hasValue()) {
      long id;
      try {
        id = Long.parseLong(entry.getValue());
      } catch (NumberFormatException notANumber) {
        throw new InvalidRequestException("'entry' must be an outbox entry id (a number)");
      }
      if (!outbox.replay(partner.getValue(), id)) {
        throw new ResourceNotFoundException(
            "No replayable dead letter "
                + id
                + " for partner "
                + partner.getValue()
                + " (unknown, not dead, or superseded by a newer version"
                + " already delivered)");
      }
      replayed = 1;
    } else {
      replayed = outbox.replayAll(partner.getValue());
    }
    if (replayed > 0) {
      wakeup.signal();
    }
    Parameters result = new Parameters();
    result.addParameter().setName("partner").setValue(new StringType(partner.getValue()));
    result.addParameter().setName("replayed").setValue(new IntegerType(replayed));
    return result;
  }

  /** Only administrators, once requests carry a caller (today the API may still be open). */
  static void requireAdmin(String operation) {
    Caller.current()
        .filter(caller -> !caller.isAdmin())
        .ifPresent(
            caller -> {
              throw new ForbiddenOperationException(operation + " is for administrators");
            });
  }

  private void addPartner(Parameters result, String partner, Map<OutboxState, Long> byState) {
    Parameters.ParametersParameterComponent parameter = result.addParameter().setName("partner");
    parameter.addPart().setName("id").setValue(new StringType(partner));
    for (OutboxState state : OutboxState.values()) {
      parameter
          .addPart()
          .setName(state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
          .setValue(new IntegerType(byState.getOrDefault(state, 0L).intValue()));
    }
    List<OutboxEntry> open =
        outbox.list(
            partner,
            List.of(OutboxState.PENDING, OutboxState.IN_FLIGHT, OutboxState.HELD, OutboxState.DEAD),
            MAX_LISTED);
    for (OutboxEntry row : open) {
      Parameters.ParametersParameterComponent entry = parameter.addPart().setName("entry");
      entry.addPart().setName("id").setValue(new StringType(String.valueOf(row.id())));
      entry.addPart().setName("state").setValue(new CodeType(row.state().name()));
      entry.addPart().setName("resource").setValue(new Reference(row.versionedReference()));
      entry.addPart().setName("endpoint").setValue(new StringType(row.endpointId()));
      entry.addPart().setName("attempts").setValue(new IntegerType(row.attempts()));
      if (row.state() == OutboxState.PENDING || row.state() == OutboxState.HELD) {
        entry
            .addPart()
            .setName("next-attempt")
            .setValue(new InstantType(Date.from(row.nextAttemptAt())));
      }
      if (row.lastStatus() != null) {
        entry.addPart().setName("last-status").setValue(new IntegerType(row.lastStatus()));
      }
      if (row.lastError() != null) {
        entry.addPart().setName("last-error").setValue(new StringType(row.lastError()));
      }
    }
  }
}
