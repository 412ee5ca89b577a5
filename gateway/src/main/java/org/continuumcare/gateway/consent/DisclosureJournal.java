package org.continuumcare.gateway.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The durable journal of SUD disclosures not yet stored as AuditEvents (table {@code
 * continuum_disclosure_journal}, migrated with Continuum's own tables): one compact row per {@link
 * Disclosure}, the disclosure as JSON. JDBC through Spring's {@code DataSourceUtils}, so every
 * statement joins the caller's transaction: rows are written with the request's accounting and
 * deleted in the transaction that stores their AuditEvents.
 */
final class DisclosureJournal {

  /** A journal row: its id, when the disclosure was made, and the disclosure. */
  record Entry(long id, Instant recorded, Disclosure disclosure) {}

  private static final String COLUMNS = "select id, recorded_at, disclosure";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final RowMapper<Entry> rows;

  DisclosureJournal(DataSource dataSource, ObjectMapper json) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.json = json;
    this.rows = this::entry;
  }

  /** Journals {@code disclosures}, made at {@code recorded}, in one batched insert. */
  void append(List<Disclosure> disclosures, Instant recorded) {
    OffsetDateTime at = recorded.atOffset(ZoneOffset.UTC);
    jdbc.batchUpdate(
        "insert into continuum_disclosure_journal (patient_id, recorded_at, disclosure)"
            + " values (?, ?, ?)",
        disclosures.stream()
            .map(d -> new Object[] {d.patientId(), at, write(d)})
            .collect(Collectors.toList()));
  }

  /**
   * Up to {@code limit} rows, oldest first, locked in the caller's transaction; rows another
   * drainer holds are skipped (the background drainers never wait for each other).
   */
  List<Entry> lockNext(int limit) {
    return jdbc.query(
        COLUMNS
            + " from continuum_disclosure_journal order by id fetch first ? rows only"
            + " for update skip locked",
        rows,
        limit);
  }

  /**
   * Up to {@code limit} rows of one patient, oldest first, locked in the caller's transaction,
   * waiting for a drainer that holds some of them: once it commits they are gone (stored), once it
   * rolls back they are returned here.
   */
  List<Entry> lockPatient(String patientId, long upTo, int limit) {
    return jdbc.query(
        COLUMNS
            + " from continuum_disclosure_journal where patient_id = ? and id <= ? order by id"
            + " fetch first ? rows only for update",
        rows,
        patientId,
        upTo,
        limit);
  }

  /**
   * Up to {@code limit} rows with ids up to {@code upTo}, oldest first, locked, waiting for other
   * drainers as above.
   */
  List<Entry> lockUpTo(long upTo, int limit) {
    return jdbc.query(
        COLUMNS
            + " from continuum_disclosure_journal where id <= ? order by id"
            + " fetch first ? rows only for update",
        rows,
        upTo,
        limit);
  }

  /** The id of the newest row (0 when the journal is empty). */
  long lastId() {
    Long n = jdbc.queryForObject("select max(id) from continuum_disclosure_journal", Long.class);
    return n == null ? 0 : n;
  }

  /** Deletes drained rows (in the caller's transaction). */
  void forget(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    String in = entries.stream().map(e -> String.valueOf(e.id())).collect(Collectors.joining(","));
    jdbc.update("delete from continuum_disclosure_journal where id in (" + in + ")");
  }

  /** Rows not yet drained. */
  long backlog() {
    Long n = jdbc.queryForObject("select count(*) from continuum_disclosure_journal", Long.class);
    return n == null ? 0 : n;
  }

  private String write(Disclosure disclosure) {
    try {
      return json.writeValueAsString(disclosure);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A disclosure could not be journaled", e);
    }
  }

  private Entry entry(ResultSet rs, int row) throws SQLException {
    try {
      return new Entry(
          rs.getLong("id"),
          rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
          json.readValue(rs.getString("disclosure"), Disclosure.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Journal row " + rs.getLong("id") + " is not a disclosure", e);
    }
  }
}
