package org.continuumcare.gateway.persistence;

import ca.uhn.fhir.jpa.migrate.DriverTypeEnum;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases Continuum runs on. The platform is read from the live connection, so the Hibernate
 * dialect and HAPI's schema migrator can never disagree with the database actually configured.
 */
public enum DatabasePlatform {
  POSTGRESQL("PostgreSQL", HapiFhirPostgresDialect.class.getName(), DriverTypeEnum.POSTGRES_9_4),
  H2("H2", HapiFhirH2Dialect.class.getName(), DriverTypeEnum.H2_EMBEDDED);

  private final String productName;
  private final String hibernateDialect;
  private final DriverTypeEnum migrationDriver;

  DatabasePlatform(String productName, String hibernateDialect, DriverTypeEnum migrationDriver) {
    this.productName = productName;
    this.hibernateDialect = hibernateDialect;
    this.migrationDriver = migrationDriver;
  }

  public String hibernateDialect() {
    return hibernateDialect;
  }

  public DriverTypeEnum migrationDriver() {
    return migrationDriver;
  }

  /** Maps a JDBC product name ({@code DatabaseMetaData#getDatabaseProductName}) to a platform. */
  public static DatabasePlatform fromProductName(String databaseProductName) {
    String name =
        databaseProductName == null ? "" : databaseProductName.trim().toLowerCase(Locale.ROOT);
    for (DatabasePlatform platform : values()) {
      if (name.equals(platform.productName.toLowerCase(Locale.ROOT))) {
        return platform;
      }
    }
    throw new UnsupportedDatabaseException(
        "Continuum runs on PostgreSQL (15+) or the embedded H2 database; the configured data source is '"
            + databaseProductName
            + "'. Set SPRING_DATASOURCE_URL to a jdbc:postgresql:// URL.");
  }

  public static DatabasePlatform of(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return fromProductName(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new UnsupportedDatabaseException(
          "Cannot connect to the configured database to determine its type: " + e.getMessage(), e);
    }
  }
}
