package org.continuumcare.gateway.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ExportPropertiesTest {

  @Test
  void outputFilesAreSmallByDefaultSoAnExportsHeapDoesNotGrowWithThePopulation() {
    ExportProperties properties = new ExportProperties(Duration.ofHours(24));
    assertThat(properties.fileMaxResources()).isEqualTo(200);
    assertThat(properties.fileMaxSize()).isEqualTo(DataSize.ofMegabytes(5));
  }

  @Test
  void anEmptyOrNegativeFileLimitIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new ExportProperties(Duration.ofHours(1), 0, DataSize.ofMegabytes(1)))
        .hasMessageContaining("continuum.export.file-max-resources");
    assertThatThrownBy(() -> new ExportProperties(Duration.ofHours(1), 10, DataSize.ofBytes(0)))
        .hasMessageContaining("continuum.export.file-max-size");
  }
}
