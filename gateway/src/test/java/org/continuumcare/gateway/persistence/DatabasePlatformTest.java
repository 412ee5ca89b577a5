package org.continuumcare.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.jpa.migrate.DriverTypeEnum;
import org.junit.jupiter.api.Test;

class DatabasePlatformTest {

  @Test
  void postgresqlGetsHapisPostgresDialectAndMigrationDriver() {
    DatabasePlatform platform = DatabasePlatform.fromProductName("PostgreSQL");

    assertThat(platform.hibernateDialect()).endsWith("HapiFhirPostgresDialect");
    assertThat(platform.migrationDriver()).isEqualTo(DriverTypeEnum.POSTGRES_9_4);
  }

  @Test
  void h2GetsHapisH2DialectAndMigrationDriver() {
    DatabasePlatform platform = DatabasePlatform.fromProductName("H2");

    assertThat(platform.hibernateDialect()).endsWith("HapiFhirH2Dialect");
    assertThat(platform.migrationDriver()).isEqualTo(DriverTypeEnum.H2_EMBEDDED);
  }

  @Test
  void anUnsupportedDatabaseFailsWithAMessageThatSaysWhatToConfigure() {
    assertThatThrownBy(() -> DatabasePlatform.fromProductName("MySQL"))
        .isInstanceOf(UnsupportedDatabaseException.class)
        .hasMessageContaining("'MySQL'")
        .hasMessageContaining("SPRING_DATASOURCE_URL");
  }
}
