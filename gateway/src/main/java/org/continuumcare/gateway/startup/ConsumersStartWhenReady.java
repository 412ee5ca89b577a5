package org.continuumcare.gateway.startup;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.PatternHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * The one place that decides when Camel's own consumers start: every route fed by something other
 * than an in-process {@code direct:} call (the outbox poller, the audit and disclosure drainers,
 * the handoff queue drainers, timers, the HMIS drop directories, the MLLP listener) starts only
 * once the application is ready, as the HTTP connectors do ({@code web.RequestsHeldUntilReady}).
 * Routes fed by {@code direct:} start with Camel, so start-up work (package installation, demo
 * data) can call them.
 *
 * <p>Why: Camel starts its routes when the Spring context is refreshed, before the application
 * runners and before HAPI has loaded its search-parameter registry. On a restart with deliveries
 * waiting, every relay delivery thread then held a database connection while it waited for that
 * first load, and the load waited for a connection: with fewer connections than delivery threads
 * the gateway never became ready. Once ready, the registry is loaded (later reloads run in the
 * background and never make a caller wait), so the pool size bounds the relay's throughput, not its
 * liveness.
 *
 * <p>How: before Camel starts, {@link CamelContext#setAutoStartupExcludePattern} excludes every
 * route whose endpoint URI matches {@link #HELD} (Camel matches it against route ids too, but they
 * have no colon; and it splits patterns at commas, so the expression has none). On {@link
 * ApplicationReadyEvent} those routes are started. A route with {@code autoStartup(false)} of its
 * own stays stopped. If the application fails to start, they never start.
 */
final class ConsumersStartWhenReady
    implements CamelContextConfiguration, ApplicationListener<ApplicationReadyEvent> {

  /** Endpoint URIs of routes held until ready: any scheme but {@code direct}. */
  static final String HELD = "^(?!direct:)[a-z][a-z0-9+.-]*:.*";

  private static final Logger log = LoggerFactory.getLogger(ConsumersStartWhenReady.class);

  private final CamelContext camel;

  ConsumersStartWhenReady(CamelContext camel) {
    this.camel = camel;
  }

  @Override
  public void beforeApplicationStart(CamelContext context) {
    context.setAutoStartupExcludePattern(HELD);
  }

  @Override
  public void afterApplicationStart(CamelContext context) {}

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    List<String> started = new ArrayList<>();
    for (Route route : camel.getRoutes()) {
      if (isHeld(route) && camel.getRouteController().getRouteStatus(route.getId()).isStartable()) {
        try {
          camel.getRouteController().startRoute(route.getId());
        } catch (Exception e) {
          throw new IllegalStateException("Cannot start route " + route.getId(), e);
        }
        started.add(route.getId());
      }
    }
    log.info("Ready: started {} route consumers {}", started.size(), started);
  }

  private static boolean isHeld(Route route) {
    return !Boolean.FALSE.equals(route.isAutoStartup())
        && PatternHelper.matchPattern(route.getEndpoint().getEndpointUri(), HELD);
  }
}
