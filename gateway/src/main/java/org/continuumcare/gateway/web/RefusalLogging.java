package org.continuumcare.gateway.web;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Installs {@link HapiRefusalLogFilter} in Logback while the application runs (Spring Boot has
 * configured logging by the time beans are created).
 */
final class RefusalLogging implements InitializingBean, DisposableBean {

  private final HapiRefusalLogFilter filter = new HapiRefusalLogFilter();

  @Override
  public void afterPropertiesSet() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      filter.setContext(logback);
      filter.start();
      logback.addTurboFilter(filter);
    }
  }

  @Override
  public void destroy() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext logback) {
      logback.getTurboFilterList().remove(filter);
    }
    filter.stop();
  }
}
