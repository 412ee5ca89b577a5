package org.continuumcare.gateway.views;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job state of view exports (table {@code continuum_view_export}, migrated with Continuum's own
 * tables): written at each step of an export, read by polling, downloads and SQL, so an export
 * outlives the process that ran it. The files stay in the export's folder under {@code
 * continuum.analytics.dir}.
 */
final class ViewExportStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<ViewExport.Output>> OUTPUTS = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final Path exportsDir;

  ViewExportStore(DataSource dataSource, Path exportsDir) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.exportsDir = exportsDir;
  }

  void insert(ViewExport export) {
    jdbc.update(
        "insert into continuum_view_export (id, client_id, requested_at, request, format, views,"
            + " status, outputs) values (?, ?, ?, ?, ?, ?, ?, ?)",
        export.id,
        export.clientId,
        at(export.requested),
        export.request.length() > 4000 ? export.request.substring(0, 4000) : export.request,
        export.format.name(),
        export.views,
        export.status.name(),
        outputs(export.outputs));
  }

  /** Stores the export's status, outputs, error and end; false if it is no longer stored. */
  boolean update(ViewExport export) {
    return jdbc.update(
            "update continuum_view_export set status = ?, outputs = ?, error = ?, finished_at = ?"
                + " where id = ? and status <> 'CANCELLED'",
            export.status.name(),
            outputs(export.outputs),
            export.error == null
                ? null
                : export.error.substring(0, Math.min(2000, export.error.length())),
            export.finished == null ? null : at(export.finished),
            export.id)
        == 1;
  }

  Optional<ViewExport> find(String id) {
    return jdbc.query("select * from continuum_view_export where id = ?", this::export, id).stream()
        .findFirst();
  }

  /** The newest export of {@code clientId} completed at or after {@code since}. */
  Optional<ViewExport> latestCompleted(String clientId, Instant since) {
    return jdbc
        .query(
            "select * from continuum_view_export where client_id = ? and status = 'COMPLETED'"
                + " and finished_at >= ? order by finished_at desc fetch first 1 rows only",
            this::export,
            clientId,
            at(since))
        .stream()
        .findFirst();
  }

  /** Exports that ended before {@code before}, or were cancelled: theirs files may go. */
  List<String> ended(Instant before) {
    return jdbc.queryForList(
        "select id from continuum_view_export where finished_at < ? or status = 'CANCELLED'",
        String.class,
        at(before));
  }

  /**
   * Marks exports this process cannot be running (started before it, never finished) as failed.
   * Returns how many.
   */
  int interrupted(Instant now) {
    return jdbc.update(
        "update continuum_view_export set status = 'FAILED', error = ?, finished_at = ?"
            + " where status in ('ACCEPTED', 'IN_PROGRESS')",
        "interrupted by a restart of the gateway",
        at(now));
  }

  /** Marks the export cancelled (so a running one stores nothing more); false if unknown. */
  boolean cancel(String id) {
    return jdbc.update(
            "update continuum_view_export set status = 'CANCELLED' where id = ?"
                + " and status <> 'CANCELLED'",
            id)
        == 1;
  }

  void delete(String id) {
    jdbc.update("delete from continuum_view_export where id = ?", id);
  }

  private ViewExport export(ResultSet rs, int row) throws SQLException {
    String id = rs.getString("id");
    ViewExport export =
        new ViewExport(
            id,
            rs.getString("client_id"),
            rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
            rs.getString("request"),
            RunFormat.valueOf(rs.getString("format")),
            exportsDir.resolve(id),
            rs.getInt("views"));
    export.status = ViewExport.Status.valueOf(rs.getString("status"));
    export.error = rs.getString("error");
    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
    export.finished = finished == null ? null : finished.toInstant();
    try {
      export.outputs.addAll(JSON.readValue(rs.getString("outputs"), OUTPUTS));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("View export " + id + " has unreadable outputs", e);
    }
    return export;
  }

  private static String outputs(List<ViewExport.Output> outputs) {
    try {
      return JSON.writeValueAsString(outputs);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
