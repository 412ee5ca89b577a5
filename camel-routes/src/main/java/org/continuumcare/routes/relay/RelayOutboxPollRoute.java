package org.continuumcare.routes.relay;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Polls the outbox: claims a batch of due rows and hands each to {@code direct:relay-deliver}, up
 * to {@code concurrency} at a time, and polls again only when the whole batch is done. Polls again
 * at once while there is work (greedy); when there is none, the claim waits for a {@link
 * RelayWakeup} signal (an outbox commit on this instance), up to {@code poll-interval} after the
 * first empty poll and twice as long after each further one, up to {@code idle-poll-max} and never
 * past the moment the next waiting row is due ({@link DeliveryCoordinator#claim()}).
 */
public final class RelayOutboxPollRoute extends RouteBuilder {

  static final String ROUTE_ID = "relay-outbox-poll";

  private final DeliveryCoordinator coordinator;
  private final RelayProperties properties;

  public RelayOutboxPollRoute(DeliveryCoordinator coordinator, RelayProperties properties) {
    this.coordinator = coordinator;
    this.properties = properties;
  }

  @Override
  public void configure() {
    ExecutorService deliveries =
        getContext()
            .getExecutorServiceManager()
            .newFixedThreadPool(this, "relay-delivery", properties.concurrency());
    // synchronous: the next poll waits until every row of this batch has its outcome. Without it
    // the parallel split returns at once, polls overlap, claimed rows queue behind each other and
    // their leases run out before they are sent (another poll then claims and sends them again).
    // The wait for work happens inside the claim (RelayWakeup), so the scheduler itself only
    // pauses briefly between empty polls.
    fromF(
            "scheduler:%s?delay=%d&initialDelay=%d&greedy=true&synchronous=true",
            ROUTE_ID,
            Math.min(10L, properties.pollInterval().toMillis()),
            properties.pollInterval().toMillis())
        .routeId(ROUTE_ID)
        .bean(coordinator, "claim")
        .process(RelayOutboxPollRoute::reportWhetherPolled)
        .split(body())
        .parallelProcessing()
        .executorService(deliveries)
        .to(RelayDeliverRoute.URI)
        .end();
  }

  private static void reportWhetherPolled(Exchange exchange) {
    List<?> claimed = exchange.getMessage().getBody(List.class);
    exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, claimed != null && !claimed.isEmpty());
  }
}
