package org.continuumcare.routes.polling;

import java.time.Duration;
import java.util.function.IntSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code drainers} routes ({@code [routeId]-1} ...) that drain a database-backed journal side by
 * side, each taking its own batch (the journal is locked {@code FOR UPDATE SKIP LOCKED}): at once
 * while there is more; when there is none, after {@code first}, then after twice as long each time
 * up to {@code cap} ({@link IdleBackoff}, one for all of them), at once when {@link #signal()} says
 * work was queued on this instance, and at once again after a batch.
 */
public abstract class DrainerRoutes extends RouteBuilder {

  private final String routeId;
  private final int drainers;
  private final IntSupplier drainOneBatch;
  private final IdleBackoff idle;

  /**
   * @param drainOneBatch drains one batch and returns how many entries it drained (0: none left)
   */
  protected DrainerRoutes(
      String routeId, int drainers, Duration first, Duration cap, IntSupplier drainOneBatch) {
    this.routeId = routeId;
    this.drainers = drainers;
    this.drainOneBatch = drainOneBatch;
    this.idle = new IdleBackoff(first, cap);
  }

  /** Work was queued on this instance: an idle drainer looks at once. */
  public void signal() {
    idle.signal();
  }

  @Override
  public void configure() {
    for (int drainer = 1; drainer <= drainers; drainer++) {
      String id = routeId + "-" + drainer;
      fromF("scheduler:%s?delay=10&initialDelay=1000&greedy=true&synchronous=true", id)
          .routeId(id)
          .process(
              exchange ->
                  exchange.setProperty(
                      Exchange.SCHEDULER_POLLED_MESSAGES,
                      idle.after(drainOneBatch.getAsInt() > 0)));
    }
  }
}
