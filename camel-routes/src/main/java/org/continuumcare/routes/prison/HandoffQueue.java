package org.continuumcare.routes.prison;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable queue behind the accept acknowledgment ({@code continuum_handoff_queue}, plain JDBC).
 * A row is written, and committed, before the sender gets CA, and deleted only after the handoff's
 * FHIR transaction has committed, so a crash in between stores the handoff twice at worst, which
 * its conditional requests turn into an update (never a second Patient or handoff). Claims lock due
 * rows with {@code FOR UPDATE SKIP LOCKED} under a lease and a fresh token (several instances and
 * drainers share the work; every outcome is fenced by the token). A row is only due when no earlier
 * row of the same person is still pending or in flight, so an A08 never overtakes the A04 it
 * updates. Due rows go nearest release first, then in the order received.
 */
public final class HandoffQueue {

  private static final String COLUMNS =
      "id, control_id, sending_facility, release_date, transaction_json, state,"
          + " attempts, last_error, received_at, lease_token";

  private static final String CLAIMABLE =
      "select q.id from continuum_handoff_queue q"
          + " where ((q.state = 'PENDING' and q.next_attempt_at <= ?)"
          + "     or (q.state = 'IN_FLIGHT' and q.lease_until <= ?))"
          + " and not exists (select 1 from continuum_handoff_queue p"
          + "     where p.person_key = q.person_key and p.id < q.id and p.state in ('PENDING', 'IN_FLIGHT'))"
          + " order by q.release_date nulls last, q.id"
          + " fetch first ? rows only"
          + " for update skip locked";

  private static final int MAX_ERROR_LENGTH = 2000;

  private static final RowMapper<QueuedHandoff> ROW = HandoffQueue::row;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate claimTransaction;
  private final Clock clock;

  public HandoffQueue(DataSource dataSource, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.claimTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.claimTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Queues a translated handoff (committed when this returns); returns its queue id. */
  public long enqueue(Hl7v2Header header, ReleaseHandoff handoff, String transactionJson) {
    OffsetDateTime now = at(clock.instant());
    LocalDate release = handoff.releaseDate().date();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into continuum_handoff_queue (control_id,"
                      + " sending_facility, person_key, release_date, transaction_json, state, attempts,"
                      + " next_attempt_at, received_at, updated_at) values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)",
                  new String[] {"id"});
          insert.setString(1, header.controlId());
          insert.setString(2, header.sendingFacility());
          insert.setString(3, personKey(handoff));
          insert.setObject(4, release);
          insert.setString(5, transactionJson);
          insert.setObject(6, now);
          insert.setObject(7, now);
          insert.setObject(8, now);
          return insert;
        },
        key);
    return Objects.requireNonNull(key.getKey(), "generated id").longValue();
  }

  /** Claims up to {@code batchSize} due rows for {@code lease}; each claim counts as an attempt. */
  public List<QueuedHandoff> claim(int batchSize, Duration lease) {
    Instant now = clock.instant();
    String token = UUID.randomUUID().toString();
    List<QueuedHandoff> claimed =
        claimTransaction.execute(
            status -> {
              List<Long> ids =
                  jdbc.queryForList(CLAIMABLE, Long.class, at(now), at(now), batchSize);
              if (ids.isEmpty()) {
                return List.of();
              }
              String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
              jdbc.update(
                  "update continuum_handoff_queue set state = 'IN_FLIGHT', lease_token = ?, lease_until = ?,"
                      + " attempts = attempts + 1, updated_at = ? where id in ("
                      + in
                      + ")",
                  token,
                  at(now.plus(lease)),
                  at(now));
              return jdbc.query(
                  "select "
                      + COLUMNS
                      + " from continuum_handoff_queue where id in ("
                      + in
                      + ")"
                      + " order by release_date nulls last, id",
                  ROW);
            });
    return claimed == null ? List.of() : claimed;
  }

  /** The handoff was stored as FHIR: its row goes. False if the lease was lost meanwhile. */
  public boolean stored(QueuedHandoff row) {
    return jdbc.update(
            "delete from continuum_handoff_queue where id = ? and lease_token = ?",
            row.id(),
            row.leaseToken())
        == 1;
  }

  /**
   * Puts the row back for another attempt at {@code nextAttemptAt}; false if the lease was lost.
   */
  public boolean retryAt(QueuedHandoff row, Instant nextAttemptAt, String error) {
    return jdbc.update(
            "update continuum_handoff_queue set state = 'PENDING', next_attempt_at = ?, last_error = ?,"
                + " lease_token = null, lease_until = null, updated_at = ? where id = ? and lease_token = ?",
            at(nextAttemptAt),
            truncate(error),
            at(clock.instant()),
            row.id(),
            row.leaseToken())
        == 1;
  }

  /** Makes the row a dead letter with the reason; false if the lease was lost. */
  public boolean dead(QueuedHandoff row, String error) {
    return jdbc.update(
            "update continuum_handoff_queue set state = 'DEAD', last_error = ?, lease_token = null,"
                + " lease_until = null, updated_at = ? where id = ? and lease_token = ?",
            truncate(error),
            at(clock.instant()),
            row.id(),
            row.leaseToken())
        == 1;
  }

  /** Dead letters, oldest first, without their transactions. */
  public List<QueuedHandoff> deadLetters(int limit) {
    return jdbc.query(
        "select id, control_id, sending_facility, release_date, '' as transaction_json, state,"
            + " attempts, last_error, received_at, lease_token from continuum_handoff_queue"
            + " where state = 'DEAD' order by id fetch first ? rows only",
        ROW,
        limit);
  }

  /**
   * Makes a dead letter due again with a fresh attempt count; false when there is no such dead
   * letter.
   */
  public boolean replay(long id) {
    OffsetDateTime now = at(clock.instant());
    return jdbc.update(
            "update continuum_handoff_queue set state = 'PENDING', attempts = 0, next_attempt_at = ?,"
                + " updated_at = ? where id = ? and state = 'DEAD'",
            now,
            now,
            id)
        == 1;
  }

  /** Rows per state (PENDING, IN_FLIGHT, DEAD; absent states count 0). */
  public Map<String, Long> counts() {
    Map<String, Long> counts =
        new java.util.TreeMap<>(Map.of("PENDING", 0L, "IN_FLIGHT", 0L, "DEAD", 0L));
    jdbc.query(
        "select state, count(*) from continuum_handoff_queue group by state",
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  /** Rows in {@code state} (PENDING, IN_FLIGHT or DEAD). */
  public long count(String state) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from continuum_handoff_queue where state = ?", Long.class, state);
    return n == null ? 0 : n;
  }

  /**
   * Same person, same key: SHA-256 of the first identifier (system|value); never the identifier
   * itself.
   */
  static String personKey(ReleaseHandoff handoff) {
    ReleaseHandoff.PersonIdentifier first = handoff.identifiers().get(0);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((first.system() + "|" + first.value()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static QueuedHandoff row(ResultSet rs, int rowNum) throws SQLException {
    java.sql.Date release = rs.getDate("release_date");
    Timestamp received = rs.getTimestamp("received_at");
    return new QueuedHandoff(
        rs.getLong("id"),
        rs.getString("control_id"),
        rs.getString("sending_facility"),
        release == null ? null : release.toLocalDate(),
        rs.getString("transaction_json"),
        rs.getString("state"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        received.toInstant(),
        rs.getString("lease_token"));
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String error) {
    return error == null || error.length() <= MAX_ERROR_LENGTH
        ? error
        : error.substring(0, MAX_ERROR_LENGTH - 3) + "...";
  }
}
