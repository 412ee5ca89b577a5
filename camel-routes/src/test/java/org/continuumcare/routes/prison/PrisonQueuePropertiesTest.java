package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrisonQueuePropertiesTest {

  @Test
  void defaultsAreOneDrainerEightPerClaimTenAttempts() {
    PrisonProperties.Queue queue =
        new PrisonProperties.Queue(null, null, null, null, null, null, null);

    assertThat(queue.drainers()).isEqualTo(1);
    assertThat(queue.pollInterval()).isEqualTo(Duration.ofMillis(200));
    assertThat(queue.batchSize()).isEqualTo(8);
    assertThat(queue.lease()).isEqualTo(Duration.ofMinutes(5));
    assertThat(queue.maxAttempts()).isEqualTo(10);
    assertThat(queue.retryBase()).isEqualTo(Duration.ofSeconds(5));
    assertThat(queue.retryMax()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aSettingOutOfRangeFailsNamingIt() {
    assertThatThrownBy(() -> new PrisonProperties.Queue(0, null, null, null, null, null, null))
        .hasMessageContaining("continuum.prison.queue.drainers");
    assertThatThrownBy(
            () -> new PrisonProperties.Queue(null, Duration.ZERO, null, null, null, null, null))
        .hasMessageContaining("continuum.prison.queue.poll-interval");
    assertThatThrownBy(
            () ->
                new PrisonProperties.Queue(
                    null, null, null, null, null, Duration.ofMinutes(10), Duration.ofMinutes(1)))
        .hasMessageContaining("retry-max");
  }

  @Test
  void anUnsetQueueSectionGetsTheDefaults() {
    PrisonProperties properties =
        new PrisonProperties(
            true, null, null, null, null, null, null, null, null, null, null, null, null, null);

    assertThat(properties.queue().drainers()).isEqualTo(1);
  }
}
