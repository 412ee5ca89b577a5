package org.continuumcare.gateway.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;

class ConsumersStartWhenReadyTest {

  private final CamelContext camel = new DefaultCamelContext();
  private final ConsumersStartWhenReady held = new ConsumersStartWhenReady(camel);

  @BeforeEach
  void startCamelWithPollersTimersFilesAndDirectRoutes() throws Exception {
    held.beforeApplicationStart(camel);
    camel.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("scheduler:poll?delay=10&greedy=true").routeId("poll").setBody(constant("x"));
            from("timer:tick?period=10").routeId("tick").setBody(constant("x"));
            from("file:target/never-read?initialDelay=10").routeId("drop").setBody(constant("x"));
            from("direct:call").routeId("call").setBody(constant("called"));
            from("scheduler:manual").routeId("manual").autoStartup(false).setBody(constant("x"));
          }
        });
    camel.start();
  }

  @AfterEach
  void stopCamel() {
    camel.stop();
  }

  @Test
  void pollersTimersAndFileConsumersDoNotStartBeforeTheApplicationIsReady() {
    assertThat(status("poll")).isEqualTo(ServiceStatus.Stopped);
    assertThat(status("tick")).isEqualTo(ServiceStatus.Stopped);
    assertThat(status("drop")).isEqualTo(ServiceStatus.Stopped);
  }

  @Test
  void directRoutesAnswerDuringStartUp() {
    assertThat(status("call")).isEqualTo(ServiceStatus.Started);
    assertThat(camel.createProducerTemplate().requestBody("direct:call", "in", String.class))
        .isEqualTo("called");
  }

  @Test
  void heldConsumersStartOnceTheApplicationIsReady() {
    held.onApplicationEvent(ready());

    assertThat(status("poll")).isEqualTo(ServiceStatus.Started);
    assertThat(status("tick")).isEqualTo(ServiceStatus.Started);
    assertThat(status("drop")).isEqualTo(ServiceStatus.Started);
  }

  @Test
  void aRouteThatAsksNotToStartStaysStoppedWhenReady() {
    held.onApplicationEvent(ready());

    assertThat(status("manual")).isEqualTo(ServiceStatus.Stopped);
  }

  private ServiceStatus status(String routeId) {
    return camel.getRouteController().getRouteStatus(routeId);
  }

  private static ApplicationReadyEvent ready() {
    return new ApplicationReadyEvent(new SpringApplication(), new String[0], null, Duration.ZERO);
  }
}
