package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.continuumcare.gateway.fhir.FhirRequestScope.ClientConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbandonedRequestWatchTest {

  private static final Duration INTERVAL =
      Duration.ofHours(1); // ticks are called by the test, never scheduled

  @Test
  void aRequestRunningLongerThanTheIntervalWhoseClientClosedIsAbandonedAndNoOther(
      @TempDir Path proc) throws Exception {
    Path tcp =
        Files.writeString(
            proc.resolve("tcp"),
            "  sl  local_address rem_address   st\n"
                + "   1: 0100007F:1F90 0100007F:C350 08 00000000:00000000 00:00000000 00000000 0 0 1 1\n");
    long now = System.nanoTime();
    long longAgo = now - INTERVAL.toNanos() - 1;
    FhirRequestScope leftLongAgo = scope(new ClientConnection(50000, 8080), longAgo);
    FhirRequestScope leftJustNow = scope(new ClientConnection(50000, 8080), now);
    FhirRequestScope stillThere = scope(new ClientConnection(50001, 8080), longAgo);

    try (AbandonedRequestWatch watch =
        new AbandonedRequestWatch(new ClosedByClient(List.of(tcp)), INTERVAL)) {
      List.of(leftLongAgo, leftJustNow, stillThere).forEach(watch::started);
      watch.tick();
    }

    assertThat(leftLongAgo.isAbandoned()).isTrue();
    assertThat(leftJustNow.isAbandoned()).as("not yet running longer than the interval").isFalse();
    assertThat(stillThere.isAbandoned()).isFalse();
  }

  private static FhirRequestScope scope(ClientConnection client, long startedNanos) {
    FhirRequestScope scope = FhirRequestScope.enter(client, startedNanos, "GET /fhir/Location");
    scope.close(); // only its identity matters here, not the thread it marks
    return scope;
  }
}
