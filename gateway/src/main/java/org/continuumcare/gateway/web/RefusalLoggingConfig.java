package org.continuumcare.gateway.web;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;

/** Installs {@link ExpectedRefusalLogFilter} in Logback for the life of the application. */
@Configuration(proxyBeanMethods = false)
class RefusalLoggingConfig implements DisposableBean {

  private final ExpectedRefusalLogFilter filter = new ExpectedRefusalLogFilter();

  RefusalLoggingConfig() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      filter.setName("expected-refusals");
      filter.start();
      logback.addTurboFilter(filter);
    }
  }

  @Override
  public void destroy() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.getTurboFilterList().remove(filter);
    }
  }
}
