package org.continuumcare.routes.relay;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes DELIVERED outbox rows older than the retention, in batches (short transactions, no long
 * lock on the table). Pending, in-flight, held and dead rows are never purged.
 */
public final class RelayHousekeeping {

  static final int BATCH = 1000;

  private static final Logger log = LoggerFactory.getLogger(RelayHousekeeping.class);

  private final OutboxStore outbox;
  private final Duration retention;
  private final Clock clock;

  public RelayHousekeeping(OutboxStore outbox, Duration retention, Clock clock) {
    this.outbox = outbox;
    this.retention = retention;
    this.clock = clock;
  }

  /** One housekeeping run; returns how many delivered rows were deleted. */
  public int purge() {
    var before = clock.instant().minus(retention);
    int total = 0;
    int deleted;
    do {
      deleted = outbox.purgeDelivered(before, BATCH);
      total += deleted;
    } while (deleted == BATCH);
    if (total > 0) {
      log.info("Relay housekeeping deleted {} delivered outbox rows older than {}", total, before);
    }
    return total;
  }
}
