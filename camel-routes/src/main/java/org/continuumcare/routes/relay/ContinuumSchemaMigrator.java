package org.continuumcare.routes.relay;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Continuum's own tables (not HAPI's: the relay's outbox and attempt journal, the handoff
 * queue) to the current version with Flyway, driven explicitly: its own history table {@code
 * continuum_schema_history}, scripts in {@code classpath:db/continuum}. The schema already holds
 * HAPI's tables, so an existing schema without our history table is baselined at version 0 and
 * every script still runs.
 */
public final class ContinuumSchemaMigrator {

  static final String HISTORY_TABLE = "continuum_schema_history";
  static final String LOCATION = "classpath:db/continuum";

  private static final Logger log = LoggerFactory.getLogger(ContinuumSchemaMigrator.class);

  private final DataSource dataSource;

  public ContinuumSchemaMigrator(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Applies pending migrations; returns the schema version reached. */
  public String migrate() {
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .table(HISTORY_TABLE)
            .locations(LOCATION)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load();
    MigrateResult result = flyway.migrate();
    String version = flyway.info().current().getVersion().getVersion();
    log.info(
        "Continuum schema at version {} ({} migrations applied)",
        version,
        result.migrationsExecuted);
    return version;
  }
}
