package org.continuumcare.gateway.web;

import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * The HTTP port answers only once the gateway is ready. Spring Boot starts Tomcat before the
 * application runners (FHIR package installation takes tens of seconds): until now every request in
 * that window, probes included, got 503 or a 401 from a server that could not yet serve it. Each
 * Tomcat connector is paused the moment it has started (a lifecycle listener, so no request slips
 * in before) and resumed when the application is ready (or has failed to start): connections made
 * meanwhile wait in the listen backlog and are answered then. Kubernetes' startup probe
 * (deploy/kubernetes) simply sees no answer until then.
 */
final class RequestsHeldUntilReady
    implements TomcatConnectorCustomizer, ApplicationListener<ApplicationEvent> {

  private static final Logger log = LoggerFactory.getLogger(RequestsHeldUntilReady.class);

  private final List<Connector> paused = new ArrayList<>();
  private boolean ready;

  @Override
  public void customize(Connector connector) {
    connector.addLifecycleListener(
        event -> {
          if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
            holdUnlessReady(connector);
          }
        });
  }

  @Override
  public synchronized void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) {
      ready = true;
      for (Connector connector : paused) {
        connector.resume();
      }
      if (!paused.isEmpty() && event instanceof ApplicationReadyEvent) {
        log.info("Ready: HTTP requests are answered from now on");
      }
      paused.clear();
    }
  }

  private synchronized void holdUnlessReady(Connector connector) {
    if (!ready) {
      connector.pause();
      paused.add(connector);
    }
  }
}
