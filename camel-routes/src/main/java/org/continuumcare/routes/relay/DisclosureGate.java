package org.continuumcare.routes.relay;

import java.util.Objects;

/**
 * Optional SPI: decides right before each attempt whether a delivery may leave the gateway (e.g.
 * consent for SUD records). {@link Decision#PERMIT} sends it; {@link Decision#hold} parks the row
 * in {@link OutboxState#HELD} with the reason (audited, counted, visible in {@code $relay-status})
 * until {@link OutboxStore#releaseHeld} or the periodic re-check permits it. Without a gate bean
 * every delivery is permitted; with several, the first hold wins. A gate that throws counts as a
 * transient failure of the attempt (retried), never as a permit.
 */
public interface DisclosureGate {

  Decision check(Delivery delivery);

  /** PERMIT, or HOLD with a reason (never PHI: it is stored, listed and audited). */
  record Decision(boolean permitted, String reason) {

    public static final Decision PERMIT = new Decision(true, null);

    public Decision {
      if (!permitted) {
        Objects.requireNonNull(reason, "a hold needs a reason");
      }
    }

    public static Decision hold(String reason) {
      return new Decision(false, reason);
    }

    public boolean held() {
      return !permitted;
    }
  }
}
