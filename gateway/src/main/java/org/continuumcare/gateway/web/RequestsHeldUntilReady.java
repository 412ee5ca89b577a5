package org.continuumcare.gateway.web;

import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * The HTTP port answers only once the gateway is ready. Spring Boot starts Tomcat before the
 * application runners (FHIR package installation takes tens of seconds): until now every request
 * in that window, probes included, got 503 or a 401 from a server that could not yet serve it.
 * Tomcat's connectors are paused as soon as the web server has started and resumed when the
 * application is ready: connections made meanwhile wait in the listen backlog and are answered
 * then. Kubernetes' startup probe (deploy/kubernetes) simply sees no answer until then.
 */
final class RequestsHeldUntilReady implements ApplicationListener<ApplicationEvent> {

  private static final Logger log = LoggerFactory.getLogger(RequestsHeldUntilReady.class);

  private final List<Connector> paused = new ArrayList<>();

  @Override
  public synchronized void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof WebServerInitializedEvent started && started.getWebServer() instanceof TomcatWebServer tomcat) {
      for (Connector connector : tomcat.getTomcat().getService().findConnectors()) {
        connector.pause();
        paused.add(connector);
      }
    } else if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) {
      for (Connector connector : paused) {
        connector.resume();
      }
      if (!paused.isEmpty() && event instanceof ApplicationReadyEvent) {
        log.info("Ready: HTTP requests are answered from now on");
      }
      paused.clear();
    }
  }
}
