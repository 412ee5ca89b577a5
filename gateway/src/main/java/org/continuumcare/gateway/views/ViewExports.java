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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
 * client can poll, download, query or cancel the export. Exports are kept in memory: a restart
 * forgets them (their folders stay until deleted).
 */
final class ViewExports {

  private static final Logger log = LoggerFactory.getLogger(ViewExports.class);

  private final ViewRunService views;
  private final AccessGate gate;
  private final AnalyticsProperties properties;
  private final ExecutorService worker;
  private final Clock clock;
  private final Map<String, ViewExport> exports = new ConcurrentHashMap<>();

  ViewExports(
      ViewRunService views,
      AccessGate gate,
      AnalyticsProperties properties,
      ExecutorService worker,
      Clock clock) {
    this.views = views;
    this.gate = gate;
    this.properties = properties;
    this.worker = worker;
    this.clock = clock;
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
    exports.put(id, export);
    export.task = worker.submit(() -> run(export, caller, new LinkedHashMap<>(runners), filters));
    return export;
  }

  private void run(
      ViewExport export, Caller caller, Map<String, ViewRunner> runners, ViewRunRequest filters) {
    export.status = ViewExport.Status.IN_PROGRESS;
    SystemRequestDetails request = new SystemRequestDetails();
    Caller.bind(request, caller);
    boolean done = false;
    try {
      Files.createDirectories(export.folder);
      gate.startOperation(request, null);
      try (Connection connection = ParquetRowWriter.open(export.database())) {
        for (Map.Entry<String, ViewRunner> view : runners.entrySet()) {
          if (Thread.currentThread().isInterrupted()
              || export.status == ViewExport.Status.CANCELLED) {
            return;
          }
          long rows;
          try (DuckDbTable table = new DuckDbTable(connection, view.getKey())) {
            rows = views.run(view.getValue(), filters, request, table);
          }
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
        }
        try (Statement statement = connection.createStatement()) {
          statement.execute("CHECKPOINT");
        }
      }
      export.finished = clock.instant();
      export.status = ViewExport.Status.COMPLETED;
      done = true;
      log.info(
          "View export {} for {} completed: {} views",
          export.id,
          export.clientId,
          export.outputs.size());
    } catch (IOException | SQLException | RuntimeException e) {
      export.error = e.getMessage();
      export.status = ViewExport.Status.FAILED;
      log.warn("View export {} for {} failed: {}", export.id, export.clientId, e.toString());
    } finally {
      if (done) {
        gate.completeOperationSuccess(request, null);
      } else {
        gate.completeOperationFailure(request, null, null);
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

  /** The export {@code id} if {@code caller} started it (and it was not cancelled). */
  Optional<ViewExport> find(String id, Caller caller) {
    return Optional.ofNullable(exports.get(id))
        .filter(export -> export.clientId.equals(caller.principal()))
        .filter(export -> export.status != ViewExport.Status.CANCELLED);
  }

  /** The newest completed export of {@code caller}, if any. */
  Optional<ViewExport> latestCompleted(Caller caller) {
    return exports.values().stream()
        .filter(export -> export.clientId.equals(caller.principal()))
        .filter(export -> export.status == ViewExport.Status.COMPLETED)
        .max(Comparator.comparing(export -> export.finished));
  }

  /** Cancels the export and deletes its files. */
  boolean cancel(String id, Caller caller) {
    Optional<ViewExport> export = find(id, caller);
    if (export.isEmpty()) {
      return false;
    }
    export.get().status = ViewExport.Status.CANCELLED;
    Optional.ofNullable(export.get().task).ifPresent(task -> task.cancel(true));
    exports.remove(id);
    try {
      if (Files.exists(export.get().folder)) {
        try (Stream<Path> files = Files.walk(export.get().folder)) {
          for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return true;
  }

  List<ViewExport> all() {
    return List.copyOf(exports.values());
  }
}
