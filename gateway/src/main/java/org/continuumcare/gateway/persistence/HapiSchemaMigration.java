package org.continuumcare.gateway.persistence;

import ca.uhn.fhir.jpa.migrate.HapiMigrator;
import ca.uhn.fhir.jpa.migrate.MigrationResult;
import ca.uhn.fhir.jpa.migrate.tasks.HapiFhirJpaMigrationTasks;
import ca.uhn.fhir.util.VersionEnum;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades HAPI FHIR's schema with HAPI's own migration tasks (the same ones the HAPI
 * CLI {@code migrate-database} command runs), never with Hibernate's {@code hbm2ddl}. Applied tasks
 * are recorded in {@value #MIGRATION_TABLE}, so a restart only runs what is new, and HAPI's
 * migration lock keeps two replicas from migrating at once.
 */
public final class HapiSchemaMigration {

  public static final String MIGRATION_TABLE = "FLY_HFJ_MIGRATION";

  private static final Logger log = LoggerFactory.getLogger(HapiSchemaMigration.class);

  private final DataSource dataSource;
  private final DatabasePlatform platform;

  public HapiSchemaMigration(DataSource dataSource, DatabasePlatform platform) {
    this.dataSource = dataSource;
    this.platform = platform;
  }

  /** Runs every pending HAPI migration task; fails startup if any task fails. */
  public MigrationResult migrate() {
    HapiMigrator migrator =
        new HapiMigrator(MIGRATION_TABLE, dataSource, platform.migrationDriver());
    migrator.addTasks(new HapiFhirJpaMigrationTasks(Set.of()).getAllTasks(VersionEnum.values()));
    migrator.createMigrationTableIfRequired();
    long started = System.nanoTime();
    MigrationResult result = migrator.migrate();
    if (!result.failedTasks.isEmpty()) {
      throw new IllegalStateException(
          "HAPI schema migration failed on " + platform + ": " + result.summary());
    }
    log.info(
        "HAPI schema on {} is current: {} task(s) applied in {} ms",
        platform,
        result.succeededTasks.size(),
        (System.nanoTime() - started) / 1_000_000);
    return result;
  }
}
