package org.continuumcare.routes.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingPartnerDirectoryTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));
  private final AtomicInteger lookups = new AtomicInteger();
  private volatile boolean active = true;
  private final PartnerDirectory source =
      new PartnerDirectory() {
        @Override
        public Optional<PartnerEndpoint> endpoint(String endpointId) {
          lookups.incrementAndGet();
          return Optional.of(
              new PartnerEndpoint(
                  endpointId,
                  "org",
                  "hl7-fhir-rest",
                  URI.create("http://partner/fhir"),
                  List.of(),
                  active));
        }

        @Override
        public List<PartnerEndpoint> endpointsOf(String organizationId) {
          lookups.incrementAndGet();
          return List.of(endpoint("ep").orElseThrow());
        }
      };

  @Test
  void repeatedLookupsWithinTheTtlReadTheSourceOnce() {
    CachingPartnerDirectory cache =
        new CachingPartnerDirectory(source, Duration.ofSeconds(30), clock);

    cache.endpoint("ep");
    cache.endpoint("ep");
    clock.advance(Duration.ofSeconds(29));
    cache.endpoint("ep");
    assertThat(lookups).hasValue(1);

    clock.advance(Duration.ofSeconds(1));
    cache.endpoint("ep");
    assertThat(lookups).hasValue(2);
  }

  @Test
  void invalidationMakesTheNextLookupSeeTheChange() {
    CachingPartnerDirectory cache =
        new CachingPartnerDirectory(source, Duration.ofMinutes(5), clock);
    assertThat(cache.endpointsOf("org"))
        .singleElement()
        .satisfies(e -> assertThat(e.active()).isTrue());

    active = false;
    assertThat(cache.endpointsOf("org").get(0).active()).as("still cached").isTrue();
    cache.invalidate();

    assertThat(cache.endpointsOf("org").get(0).active()).isFalse();
    assertThat(cache.endpoint("ep").orElseThrow().active()).isFalse();
  }

  @Test
  void zeroTtlTurnsCachingOff() {
    CachingPartnerDirectory cache = new CachingPartnerDirectory(source, Duration.ZERO, clock);

    cache.endpoint("ep");
    cache.endpoint("ep");

    assertThat(lookups).hasValue(2);
  }
}
