package org.continuumcare.gateway.views;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import org.continuumcare.gateway.security.AccessGate;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.views.engine.ViewRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code $viewdefinition-export}s in the background, one at a time. Each export writes its
 * views as tables of a DuckDB database ({@code <dir>/exports/<id>/views.duckdb}, which {@code
 * /api/analytics/sql} queries) and as one file per view (Parquet, NDJSON or CSV) next to it. Rows
 * pass the {@link AccessGate} for the client that asked, exactly as in {@code $run}, and only that
 * client can poll, download, query or cancel the export. The job state is stored ({@link
 * ViewExportStore}) at each step, so an export outlives a restart (one still running then is marked
 * failed at the next start); an export is gone (404) once cancelled or past {@code
 * continuum.export.retention} after it ended, and {@link #sweep} deletes its files and state.
 */
final class ViewExports {

  private static final Logger log = LoggerFactory.getLogger(ViewExports.class);

  private final ViewRunService views;
  private final AccessGate gate;
  private final AnalyticsProperties properties;
  private final ExecutorService worker;
  private final Clock clock;
  private final ViewAuditor auditor;
  private final ViewExportStore store;
  private final Duration retention;

  /** Exports this process runs, while they run. */
  private final Map<String, ViewExport> running = new ConcurrentHashMap<>();

  ViewExports(
      ViewRunService views,
      AccessGate gate,
      AnalyticsProperties properties,
      ExecutorService worker,
      Clock clock,
      ViewAuditor auditor,
      ViewExportStore store,
      Duration retention) {
    this.views = views;
    this.gate = gate;
    this.properties = properties;
    this.worker = worker;
    this.clock = clock;
    this.auditor = auditor;
    this.store = store;
    this.retention = retention;
  }

  /**
   * At start: exports a previous process left running can no longer finish; they are marked failed
   * (and expire like any other).
   */
  int interrupted() {
    int n = store.interrupted(clock.instant());
    if (n > 0) {
      log.warn("{} view export(s) interrupted by a restart marked failed", n);
    }
    return n;
  }

  /** Starts exporting {@code runners} (by output name) for {@code caller}. */
  ViewExport start(
      Caller caller, Map<String, ViewRunner> runners, ViewRunRequest filters, String request) {
    if (filters.format() == RunFormat.JSON) {
      throw new InvalidRequestException(
          "$viewdefinition-export writes parquet, ndjson or csv files, not json");
    }
    String id = UUID.randomUUID().toString();
    Path folder = properties.dir().resolve("exports").resolve(id);
    ViewExport export =
        new ViewExport(
            id,
            caller.principal(),
            clock.instant(),
            request,
            filters.format(),
            folder,
            runners.size());
    store.insert(export);
    running.put(id, export);
    export.task = worker.submit(() -> run(export, caller, new LinkedHashMap<>(runners), filters));
    return export;
  }

  private void run(
      ViewExport export, Caller caller, Map<String, ViewRunner> runners, ViewRunRequest filters) {
    if (export.status == ViewExport.Status.CANCELLED) {
      running.remove(export.id);
      return;
    }
    export.status = ViewExport.Status.IN_PROGRESS;
    store.update(export);
    SystemRequestDetails request = new SystemRequestDetails();
    Caller.bind(request, caller);
    boolean done = false;
    Map<String, ViewRunTally> tallies = new LinkedHashMap<>();
    try {
      Files.createDirectories(export.folder);
      gate.startOperation(request, null);
      try (Connection connection = ParquetRowWriter.open(export.database())) {
        for (Map.Entry<String, ViewRunner> view : runners.entrySet()) {
          if (Thread.currentThread().isInterrupted()
              || export.status == ViewExport.Status.CANCELLED) {
            return;
          }
          ViewRunTally tally;
          try (DuckDbTable table = new DuckDbTable(connection, view.getKey())) {
            tally = views.run(view.getValue(), filters, request, table);
          }
          tallies.put(view.getKey(), tally);
          long rows = tally.rows();
          String file = view.getKey() + "." + extension(export.format);
          try (Statement statement = connection.createStatement()) {
            statement.execute(
                "COPY "
                    + DuckDbTable.quoted(view.getKey())
                    + " TO '"
                    + ParquetRowWriter.sql(export.folder.resolve(file).toString())
                    + "' "
                    + copyFormat(export.format));
          }
          export.outputs.add(new ViewExport.Output(view.getKey(), file, rows));
          store.update(export);
        }
        try (Statement statement = connection.createStatement()) {
          statement.execute("CHECKPOINT");
        }
      }
      // Audited before the export shows as completed: whoever sees it completed finds its record.
      auditor.exported(export.id, caller, export.format, tallies, null);
      export.finished = clock.instant();
      export.status = ViewExport.Status.COMPLETED;
      store.update(export);
      done = true;
      log.info(
          "View export {} for {} completed: {} views",
          export.id,
          export.clientId,
          export.outputs.size());
    } catch (IOException | SQLException | RuntimeException e) {
      export.error = e.getMessage();
      export.finished = clock.instant();
      if (export.status != ViewExport.Status.CANCELLED) {
        export.status = ViewExport.Status.FAILED;
        store.update(export);
      }
      log.warn("View export {} for {} failed: {}", export.id, export.clientId, e.toString());
    } finally {
      if (done) {
        gate.completeOperationSuccess(request, null);
      } else {
        gate.completeOperationFailure(request, null, null);
      }
      running.remove(export.id);
      if (export.status == ViewExport.Status.CANCELLED) {
        deleteFolder(export);
      }
      if (!done) {
        auditor.exported(
            export.id,
            caller,
            export.format,
            tallies,
            export.status == ViewExport.Status.CANCELLED ? "cancelled" : "failed");
      }
    }
  }

  static String extension(RunFormat format) {
    return switch (format) {
      case PARQUET -> "parquet";
      case NDJSON -> "ndjson";
      case CSV -> "csv";
      case JSON -> "json";
    };
  }

  private static String copyFormat(RunFormat format) {
    return switch (format) {
      case PARQUET -> "(FORMAT parquet)";
      case NDJSON -> "(FORMAT json)";
      case CSV -> "(FORMAT csv, HEADER true)";
      case JSON -> "(FORMAT json, ARRAY true)";
    };
  }

  /**
   * The export {@code id} if {@code caller} started it, it was not cancelled and it has not
   * expired.
   */
  Optional<ViewExport> find(String id, Caller caller) {
    return Optional.ofNullable(running.get(id))
        .or(() -> store.find(id))
        .filter(export -> export.clientId.equals(caller.principal()))
        .filter(export -> export.status != ViewExport.Status.CANCELLED)
        .filter(export -> !expired(export));
  }

  /** The newest completed export of {@code caller} that has not expired, if any. */
  Optional<ViewExport> latestCompleted(Caller caller) {
    return store.latestCompleted(caller.principal(), clock.instant().minus(retention));
  }

  /**
   * Cancels the export and deletes its files. A running export is interrupted and deletes its own
   * files as it stops (deleting them here would race its writer); one not started yet stops before
   * it writes anything; an ended one's files are deleted now, or by the next sweep if that fails.
   */
  boolean cancel(String id, Caller caller) {
    Optional<ViewExport> found = find(id, caller);
    if (found.isEmpty()) {
      return false;
    }
    ViewExport export = found.get();
    boolean working = running.containsKey(id);
    boolean started = export.status == ViewExport.Status.IN_PROGRESS;
    export.status = ViewExport.Status.CANCELLED;
    store.cancel(id);
    if (working && started) {
      Optional.ofNullable(export.task).ifPresent(task -> task.cancel(true));
    }
    if (!working) {
      try {
        deleteFolder(export);
      } catch (UncheckedIOException e) {
        log.warn(
            "View export {}: its files could not be deleted now, the next sweep will: {}",
            id,
            e.getCause().toString());
      }
    }
    return true;
  }

  /**
   * Deletes the files and state of exports that ended more than the retention ago, and of cancelled
   * ones; returns how many.
   */
  int sweep() {
    int swept = 0;
    for (String id : store.ended(clock.instant().minus(retention))) {
      ViewExport export = store.find(id).orElse(null);
      if (export == null || running.containsKey(id)) {
        continue;
      }
      deleteFolder(export);
      store.delete(id);
      swept++;
    }
    if (swept > 0) {
      log.info("Deleted {} expired or cancelled view export(s)", swept);
    }
    return swept;
  }

  private boolean expired(ViewExport export) {
    return export.finished != null && export.finished.plus(retention).isBefore(clock.instant());
  }

  private static void deleteFolder(ViewExport export) {
    try {
      if (Files.exists(export.folder)) {
        try (Stream<Path> files = Files.walk(export.folder)) {
          for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
