package org.continuumcare.gateway.web;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link ErrorDocumentValve} in place of the Tomcat host's error report valve (Spring Boot's,
 * added by its own customizer, which this one runs after).
 */
final class ErrorReportCustomizer
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private final ErrorDocuments documents;

  ErrorReportCustomizer(ErrorDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          Container host = context.getParent();
          Pipeline pipeline = host.getPipeline();
          for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve) {
              pipeline.removeValve(valve);
            }
          }
          pipeline.addValve(new ErrorDocumentValve(documents));
          if (host instanceof StandardHost standardHost) {
            // The host adds a valve of this class when it starts unless one is there: ours is.
            standardHost.setErrorReportValveClass(ErrorDocumentValve.class.getName());
          }
        });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
