package org.continuumcare.routes.relay;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay outbox on plain JDBC ({@code continuum_outbox}).
 *
 * <p>{@link #enqueue} uses the caller's transaction when there is one bound to the same DataSource
 * (Spring's {@code DataSourceUtils}), so the row commits or rolls back with the FHIR write. {@link
 * #claim} runs in a transaction of its own: it locks due rows with {@code FOR UPDATE SKIP LOCKED},
 * so several instances share the work, and hands them out with a lease and a fresh token; every
 * later state change is fenced by that token, so an instance whose lease was taken over cannot
 * overwrite the new owner's outcome. A row is only due when no earlier version of the same resource
 * for the same endpoint is still pending, in flight or held. Due rows are claimed by deadline
 * ({@code deliver_by}, earliest first, rows without one last), then in queue order. Held rows come
 * due again at their re-check time, so the gate sees them again.
 */
public final class OutboxStore {

  private static final String COLUMNS =
      "id, partner_id, endpoint_id, resource_type, resource_id,"
          + " resource_version, idempotency_key, correlation_id, state, attempts, next_attempt_at,"
          + " lease_token, lease_until, last_error, last_status, created_at, updated_at, delivered_at,"
          + " deliver_by, patient_id, first_attempt_at, throttled";

  /** Claim order: rows with a deadline first, earliest deadline first; then in queue order. */
  private static final String CLAIM_ORDER = " order by o.deliver_by nulls last, o.id";

  /*
   * The per-resource order checks below are correlated scalar subqueries (min/max of the same
   * resource's versions at the same endpoint), not NOT EXISTS: PostgreSQL turns a NOT EXISTS into an
   * anti join, and with statistics taken while the outbox held no due rows (a burst queued since the
   * last autoanalyze) the driver's generic prepared plan became a nested loop comparing every due row
   * with every other (10,000 due rows: 100 million comparisons, ~13 s per claim). A scalar subquery
   * is always one probe of continuum_outbox_order per candidate row (~30 ms for 10,000), whatever
   * the statistics say.
   */
  static final String CLAIMABLE =
      "select o.id from continuum_outbox o"
          + " where ((o.state in ('PENDING', 'HELD') and o.next_attempt_at <= ?)"
          + "     or (o.state = 'IN_FLIGHT' and o.lease_until <= ?))"
          + " and o.resource_version = (select min(p.resource_version) from continuum_outbox p"
          + "     where p.endpoint_id = o.endpoint_id and p.resource_type = o.resource_type"
          + "     and p.resource_id = o.resource_id and p.state in ('PENDING', 'IN_FLIGHT', 'HELD'))"
          + CLAIM_ORDER
          + " fetch first ? rows only"
          + " for update skip locked";

  /** No newer version of the row's resource has been delivered to its endpoint. */
  private static final String NOT_SUPERSEDED =
      "o.resource_version >= coalesce("
          + "(select max(n.resource_version) from continuum_outbox n"
          + " where n.endpoint_id = o.endpoint_id and n.resource_type = o.resource_type"
          + " and n.resource_id = o.resource_id and n.state = 'DELIVERED'), 0)";

  static final String REPLAY_ALL =
      "update continuum_outbox o set state = 'PENDING', attempts = 0,"
          + " throttled = 0, first_attempt_at = null,"
          + " next_attempt_at = ?, updated_at = ? where o.partner_id = ? and o.state = 'DEAD'"
          + " and "
          + NOT_SUPERSEDED;

  private static final int MAX_ERROR_LENGTH = 2000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate claimTransaction;
  private final Clock clock;
  private volatile Runnable journaledListener = () -> {};

  public OutboxStore(DataSource dataSource, Clock clock) {
    this(dataSource, new DataSourceTransactionManager(dataSource), clock);
  }

  public OutboxStore(
      DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.claimTransaction = new TransactionTemplate(transactionManager);
    this.claimTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Queues a delivery; a second call for the same resource version and endpoint is a no-op.
   *
   * @return true when a row was inserted
   */
  public boolean enqueue(NewDelivery delivery) {
    OffsetDateTime now = at(clock.instant());
    int rows =
        jdbc.update(
            "insert into continuum_outbox (partner_id, endpoint_id, resource_type,"
                + " resource_id, resource_version, idempotency_key, correlation_id, state, attempts,"
                + " next_attempt_at, created_at, updated_at, deliver_by, patient_id)"
                + " select ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ? from (values (1)) as one (x)"
                + " where not exists (select 1 from continuum_outbox where idempotency_key = ?)",
            delivery.partnerId(),
            delivery.endpointId(),
            delivery.resourceType(),
            delivery.resourceId(),
            delivery.resourceVersion(),
            delivery.idempotencyKey(),
            delivery.correlationId(),
            now,
            now,
            now,
            delivery.deliverBy() == null ? null : at(delivery.deliverBy()),
            delivery.patientId(),
            delivery.idempotencyKey());
    return rows == 1;
  }

  /**
   * Records a delivery that cannot be routed (the partner has no usable Endpoint) as a dead letter
   * with the reason, so it is visible and can be replayed once the Endpoint exists; its endpoint id
   * is {@link #UNROUTED_PREFIX} + the wanted connection type ({@code *}: any). A second call for
   * the same version and partner is a no-op. Joins the caller's transaction like {@link #enqueue}.
   *
   * @return true when a row was inserted
   */
  public boolean enqueueUnroutable(NewDelivery delivery, String reason) {
    OffsetDateTime now = at(clock.instant());
    return jdbc.update(
            "insert into continuum_outbox (partner_id, endpoint_id, resource_type,"
                + " resource_id, resource_version, idempotency_key, correlation_id, state, attempts,"
                + " next_attempt_at, created_at, updated_at, deliver_by, patient_id, last_error)"
                + " select ?, ?, ?, ?, ?, ?, ?, 'DEAD', 0, ?, ?, ?, ?, ?, ? from (values (1)) as one (x)"
                + " where not exists (select 1 from continuum_outbox where idempotency_key = ?)",
            delivery.partnerId(),
            delivery.endpointId(),
            delivery.resourceType(),
            delivery.resourceId(),
            delivery.resourceVersion(),
            unroutedKey(delivery),
            delivery.correlationId(),
            now,
            now,
            now,
            delivery.deliverBy() == null ? null : at(delivery.deliverBy()),
            delivery.patientId(),
            truncate(reason),
            unroutedKey(delivery))
        == 1;
  }

  /**
   * Points a row queued without a usable Endpoint ({@link #UNROUTED_PREFIX}) at the partner's real
   * Endpoint, with that endpoint's idempotency key, so ordering of versions, supersession at
   * replay, {@code $relay-status} and the key sent all use the real endpoint from then on. Only
   * while the row still carries its placeholder, and never onto a key another row already has.
   *
   * @return the row as rerouted, or empty when it was not (already routed, or the key is taken)
   */
  public Optional<OutboxEntry> reroute(OutboxEntry entry, String endpointId) {
    String key =
        new NewDelivery(
                entry.partnerId(),
                endpointId,
                entry.resourceType(),
                entry.resourceId(),
                entry.resourceVersion(),
                null)
            .idempotencyKey();
    int rows =
        jdbc.update(
            "update continuum_outbox set endpoint_id = ?, idempotency_key = ?,"
                + " updated_at = ? where id = ? and endpoint_id = ? and endpoint_id like '"
                + UNROUTED_PREFIX
                + "%' and not exists (select 1 from continuum_outbox k"
                + " where k.idempotency_key = ?)",
            endpointId,
            key,
            at(clock.instant()),
            entry.id(),
            entry.endpointId(),
            key);
    return rows == 1 ? Optional.of(entry.routedTo(endpointId, key)) : Optional.empty();
  }

  /** Dead letters of a partner still waiting for an Endpoint (queued while it had none). */
  public List<OutboxEntry> unroutedDeadLetters(String partnerId) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from continuum_outbox where partner_id = ?"
            + " and state = 'DEAD' and endpoint_id like '"
            + UNROUTED_PREFIX
            + "%' order by id",
        ROW,
        partnerId);
  }

  /** Endpoint id prefix of rows that had no usable Endpoint when they were queued. */
  public static final String UNROUTED_PREFIX = "unrouted:";

  private static String unroutedKey(NewDelivery delivery) {
    return delivery.partnerId() + ":" + delivery.idempotencyKey();
  }

  /** Claims up to {@code batchSize} due rows for {@code lease}; each claim counts as an attempt. */
  public List<OutboxEntry> claim(int batchSize, Duration lease) {
    Instant now = clock.instant();
    String token = UUID.randomUUID().toString();
    List<OutboxEntry> claimed =
        claimTransaction.execute(
            status -> {
              List<Long> ids =
                  jdbc.queryForList(CLAIMABLE, Long.class, at(now), at(now), batchSize);
              if (ids.isEmpty()) {
                return List.of();
              }
              String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
              jdbc.update(
                  "update continuum_outbox set state = 'IN_FLIGHT', lease_token = ?,"
                      + " lease_until = ?, attempts = attempts + 1, release_requested = false, updated_at = ?"
                      + " where id in ("
                      + in
                      + ")",
                  token,
                  at(now.plus(lease)),
                  at(now));
              return jdbc.query(
                  "select "
                      + COLUMNS
                      + " from continuum_outbox o where id in ("
                      + in
                      + ")"
                      + CLAIM_ORDER,
                  ROW);
            });
    return claimed == null ? List.of() : claimed;
  }

  /**
   * Records a successful delivery and journals {@code attempt} (if not null) with it, in one
   * transaction; false if the lease was lost meanwhile.
   */
  public boolean markDelivered(OutboxEntry entry, int status, DeliveryAttempt attempt) {
    OffsetDateTime now = at(clock.instant());
    return journaled(
        attempt,
        () ->
            jdbc.update(
                    "update continuum_outbox set state = 'DELIVERED', last_status = ?,"
                        + " last_error = null, lease_token = null, lease_until = null, delivered_at = ?,"
                        + " updated_at = ? where id = ? and lease_token = ?",
                    status,
                    now,
                    now,
                    entry.id(),
                    entry.leaseToken())
                == 1);
  }

  /**
   * Makes the retries waiting for an endpoint due now (rows {@code PENDING} after a failed attempt,
   * not yet due), except those the partner throttled with 429: called when the endpoint has just
   * answered a delivery with 2xx, so a partner that recovered from an outage gets its backlog at
   * once instead of when each row's backoff runs out. Returns how many rows were made due.
   */
  public int expediteRetries(String endpointId) {
    OffsetDateTime now = at(clock.instant());
    return jdbc.update(
        "update continuum_outbox set next_attempt_at = ?, updated_at = ?"
            + " where endpoint_id = ? and state = 'PENDING' and attempts > 0"
            + " and next_attempt_at > ? and (last_status is null or last_status <> 429)",
        now,
        now,
        endpointId,
        now);
  }

  /**
   * Puts the row back for another attempt at {@code nextAttemptAt}, remembering when the first
   * failed attempt started (the retry horizon counts from there) and whether the partner asked for
   * the wait with Retry-After (such attempts do not count against max-attempts); false if the lease
   * was lost.
   */
  public boolean scheduleRetry(
      OutboxEntry entry,
      Instant nextAttemptAt,
      Integer status,
      String error,
      Instant attemptStarted,
      boolean throttled,
      DeliveryAttempt attempt) {
    return journaled(
        attempt,
        () ->
            jdbc.update(
                    "update continuum_outbox set state = 'PENDING', next_attempt_at = ?,"
                        + " last_status = ?, last_error = ?, lease_token = null, lease_until = null,"
                        + " first_attempt_at = coalesce(first_attempt_at, ?), throttled = throttled + ?,"
                        + " updated_at = ? where id = ? and lease_token = ?",
                    at(nextAttemptAt),
                    status,
                    truncate(error),
                    at(attemptStarted),
                    throttled ? 1 : 0,
                    at(clock.instant()),
                    entry.id(),
                    entry.leaseToken())
                == 1);
  }

  /**
   * Parks the row as {@link OutboxState#HELD} with the gate's reason until {@code recheckAt} and
   * journals {@code attempt} (if not null) with it, in one transaction; the claim that found it
   * held does not count as an attempt; false if the lease was lost. When a {@link #releaseHeld
   * release} reached the row while it was in flight (after its claim, so possibly after the gate
   * had read the facts it decided on), the row is due again at once instead of at {@code
   * recheckAt}: the gate decides it again with whatever the release was for.
   */
  public boolean markHeld(
      OutboxEntry entry, String reason, Instant recheckAt, DeliveryAttempt attempt) {
    OffsetDateTime now = at(clock.instant());
    return journaled(
        attempt,
        () ->
            jdbc.update(
                    "update continuum_outbox set state = 'HELD',"
                        + " next_attempt_at = case when release_requested"
                        + "   then cast(? as timestamp with time zone) else cast(? as timestamp with time zone) end,"
                        + " release_requested = false, last_status = null, last_error = ?,"
                        + " attempts = attempts - 1, lease_token = null, lease_until = null, updated_at = ?"
                        + " where id = ? and lease_token = ?",
                    now,
                    at(recheckAt),
                    truncate(reason),
                    now,
                    entry.id(),
                    entry.leaseToken())
                == 1);
  }

  /**
   * Makes held rows due now (they are gated again when claimed, so a gate that still says HOLD
   * parks them again): e.g. after a consent was recorded for the patient. Rows of the selection
   * that are in flight are flagged instead: their gate may have decided before the reason for the
   * release committed, so a hold that follows makes them due at once ({@link #markHeld}). Both are
   * plain row updates, serialised with claims and outcomes by PostgreSQL's row locks. Returns how
   * many rows were released or flagged.
   */
  public int releaseHeld(HeldSelection selection) {
    OffsetDateTime now = at(clock.instant());
    StringBuilder where = new StringBuilder();
    List<Object> args = new java.util.ArrayList<>();
    if (selection.patientId() != null) {
      where.append(" and patient_id = ?");
      args.add(selection.patientId());
    }
    if (selection.resourceType() != null) {
      where.append(" and resource_type = ? and resource_id = ?");
      args.add(selection.resourceType());
      args.add(selection.resourceId());
    }
    if (selection.partnerId() != null) {
      where.append(" and partner_id = ?");
      args.add(selection.partnerId());
    }
    List<Object> released = new java.util.ArrayList<>(List.of(now, now));
    released.addAll(args);
    int rows =
        jdbc.update(
            "update continuum_outbox set state = 'PENDING', next_attempt_at = ?,"
                + " updated_at = ? where state = 'HELD'"
                + where,
            released.toArray());
    return rows
        + jdbc.update(
            "update continuum_outbox set release_requested = true"
                + " where state = 'IN_FLIGHT'"
                + where,
            args.toArray());
  }

  /**
   * Deletes up to {@code batchSize} DELIVERED rows delivered before {@code before}; returns how
   * many (call again while it returns {@code batchSize}).
   */
  public int purgeDelivered(Instant before, int batchSize) {
    return jdbc.update(
        "delete from continuum_outbox where id in (select id from continuum_outbox"
            + " where state = 'DELIVERED' and delivered_at < ? order by delivered_at"
            + " fetch first ? rows only)",
        at(before),
        batchSize);
  }

  /**
   * Makes the row a dead letter with the reason and journals {@code attempt} (if not null) with it,
   * in one transaction; false if the lease was lost.
   */
  public boolean markDead(
      OutboxEntry entry, Integer status, String error, DeliveryAttempt attempt) {
    return journaled(
        attempt,
        () ->
            jdbc.update(
                    "update continuum_outbox set state = 'DEAD', last_status = ?,"
                        + " last_error = ?, lease_token = null, lease_until = null, updated_at = ?"
                        + " where id = ? and lease_token = ?",
                    status,
                    truncate(error),
                    at(clock.instant()),
                    entry.id(),
                    entry.leaseToken())
                == 1);
  }

  /**
   * Up to {@code limit} journaled attempts, oldest first, locked ({@code FOR UPDATE SKIP LOCKED})
   * in the caller's transaction: the caller turns them into audit records and {@link
   * #forgetJournaled deletes} them in that same transaction.
   */
  public List<JournaledAttempt> lockJournal(int limit) {
    return jdbc.query(
        "select * from continuum_relay_attempt order by id fetch first ? rows only"
            + " for update skip locked",
        JOURNAL_ROW,
        limit);
  }

  /** Deletes journaled attempts (in the caller's transaction). */
  public void forgetJournaled(List<JournaledAttempt> attempts) {
    if (attempts.isEmpty()) {
      return;
    }
    String in =
        attempts.stream().map(a -> String.valueOf(a.journalId())).collect(Collectors.joining(","));
    jdbc.update("delete from continuum_relay_attempt where id in (" + in + ")");
  }

  /**
   * When the next row that is not claimable now becomes due: the earliest retry or held re-check,
   * or the earliest lease of a row in flight; empty when no row waits.
   */
  public Optional<Instant> nextDue() {
    OffsetDateTime next =
        jdbc.queryForObject(
            "select min(t) from ("
                + "select min(next_attempt_at) t from continuum_outbox where state = 'PENDING'"
                + " union all select min(next_attempt_at) t from continuum_outbox where state = 'HELD'"
                + " union all select min(lease_until) t from continuum_outbox where state = 'IN_FLIGHT'"
                + ") d",
            OffsetDateTime.class);
    return Optional.ofNullable(next).map(OffsetDateTime::toInstant);
  }

  /** Journaled attempts not yet drained. */
  public long journalBacklog() {
    Long n = jdbc.queryForObject("select count(*) from continuum_relay_attempt", Long.class);
    return n == null ? 0 : n;
  }

  /**
   * {@code listener} runs after each commit that journaled an attempt (on the thread that made it),
   * e.g. to wake this instance's audit drainer at once instead of at its next look.
   */
  public void whenJournaled(Runnable listener) {
    this.journaledListener = listener == null ? () -> {} : listener;
  }

  /**
   * Runs the state change and, if it changed the row (the lease still held), journals the attempt
   * in the same transaction.
   */
  private boolean journaled(DeliveryAttempt attempt, java.util.function.BooleanSupplier change) {
    if (attempt == null) {
      return change.getAsBoolean();
    }
    Boolean stored =
        claimTransaction.execute(
            status -> {
              if (!change.getAsBoolean()) {
                return false;
              }
              OutboxEntry e = attempt.entry();
              jdbc.update(
                  "insert into continuum_relay_attempt (outbox_id, partner_id, endpoint_id,"
                      + " resource_type, resource_id, resource_version, idempotency_key, attempt,"
                      + " outcome, status, reason, duration_ms, next_attempt_at, recorded_at)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  e.id(),
                  e.partnerId(),
                  e.endpointId(),
                  e.resourceType(),
                  e.resourceId(),
                  e.resourceVersion(),
                  e.idempotencyKey(),
                  e.attempts(),
                  attempt.outcome().name(),
                  attempt.status(),
                  truncate(attempt.reason()),
                  attempt.duration().toMillis(),
                  attempt.nextAttemptAt() == null ? null : at(attempt.nextAttemptAt()),
                  at(clock.instant()));
              return true;
            });
    if (Boolean.TRUE.equals(stored)) {
      journaledListener.run();
      return true;
    }
    return false;
  }

  /**
   * Puts one dead letter of a partner back in the queue with a fresh attempt budget. A dead letter
   * superseded by a newer version already delivered to the same endpoint stays dead: sending it now
   * would overwrite the newer version at the partner.
   */
  public boolean replay(String partnerId, long id) {
    OffsetDateTime now = at(clock.instant());
    return jdbc.update(
            "update continuum_outbox o set state = 'PENDING', attempts = 0,"
                + " throttled = 0, first_attempt_at = null,"
                + " next_attempt_at = ?, updated_at = ? where o.id = ? and o.partner_id = ?"
                + " and o.state = 'DEAD' and "
                + NOT_SUPERSEDED,
            now,
            now,
            id,
            partnerId)
        == 1;
  }

  /** Puts every dead letter of a partner back in the queue (except superseded ones); how many. */
  public int replayAll(String partnerId) {
    OffsetDateTime now = at(clock.instant());
    return jdbc.update(REPLAY_ALL, now, now, partnerId);
  }

  /** One row by id. */
  public Optional<OutboxEntry> find(long id) {
    return jdbc.query("select " + COLUMNS + " from continuum_outbox where id = ?", ROW, id).stream()
        .findFirst();
  }

  /** Rows of a partner in the given states, oldest first, at most {@code limit}. */
  public List<OutboxEntry> list(String partnerId, List<OutboxState> states, int limit) {
    String in = states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
    return jdbc.query(
        "select "
            + COLUMNS
            + " from continuum_outbox where partner_id = ?"
            + " and state in ("
            + in
            + ") order by id fetch first ? rows only",
        ROW,
        partnerId,
        limit);
  }

  /** Rows of one resource for all partners, oldest first. */
  public List<OutboxEntry> listForResource(String resourceType, String resourceId) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from continuum_outbox where resource_type = ?"
            + " and resource_id = ? order by id",
        ROW,
        resourceType,
        resourceId);
  }

  /** How many rows of a partner are in {@code state} right now. */
  public long count(String partnerId, OutboxState state) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from continuum_outbox where partner_id = ?" + " and state = ?",
            Long.class,
            partnerId,
            state.name());
    return n == null ? 0 : n;
  }

  /** The partners that have rows in {@code state} right now. */
  public List<String> partnersIn(OutboxState state) {
    return jdbc.queryForList(
        "select distinct partner_id from continuum_outbox where state = ?" + " order by partner_id",
        String.class,
        state.name());
  }

  /** Row counts per partner and state. */
  public Map<String, Map<OutboxState, Long>> countsByPartner() {
    return jdbc
        .query(
            "select partner_id, state, count(*) as n from continuum_outbox"
                + " group by partner_id, state",
            (rs, n) ->
                Map.entry(
                    rs.getString(1),
                    Map.entry(OutboxState.valueOf(rs.getString(2)), rs.getLong(3))))
        .stream()
        .collect(
            Collectors.groupingBy(
                Map.Entry::getKey,
                java.util.TreeMap::new,
                Collectors.toMap(e -> e.getValue().getKey(), e -> e.getValue().getValue())));
  }

  private static String truncate(String error) {
    if (error == null || error.length() <= MAX_ERROR_LENGTH) {
      return error;
    }
    return error.substring(0, MAX_ERROR_LENGTH);
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static final RowMapper<JournaledAttempt> JOURNAL_ROW =
      (rs, n) -> {
        DeliveryAttempt.Outcome outcome = DeliveryAttempt.Outcome.valueOf(rs.getString("outcome"));
        OutboxState state =
            switch (outcome) {
              case DELIVERED -> OutboxState.DELIVERED;
              case RETRY -> OutboxState.PENDING;
              case DEAD -> OutboxState.DEAD;
              case HELD -> OutboxState.HELD;
            };
        Instant recorded = instant(rs, "recorded_at");
        OutboxEntry entry =
            new OutboxEntry(
                rs.getLong("outbox_id"),
                rs.getString("partner_id"),
                rs.getString("endpoint_id"),
                rs.getString("resource_type"),
                rs.getString("resource_id"),
                rs.getLong("resource_version"),
                rs.getString("idempotency_key"),
                null,
                state,
                rs.getInt("attempt"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return new JournaledAttempt(
            rs.getLong("id"),
            new DeliveryAttempt(
                entry,
                outcome,
                (Integer) rs.getObject("status"),
                rs.getString("reason"),
                Duration.ofMillis(rs.getLong("duration_ms")),
                instant(rs, "next_attempt_at")),
            recorded);
      };

  private static final RowMapper<OutboxEntry> ROW =
      (rs, n) ->
          new OutboxEntry(
              rs.getLong("id"),
              rs.getString("partner_id"),
              rs.getString("endpoint_id"),
              rs.getString("resource_type"),
              rs.getString("resource_id"),
              rs.getLong("resource_version"),
              rs.getString("idempotency_key"),
              rs.getString("correlation_id"),
              OutboxState.valueOf(rs.getString("state")),
              rs.getInt("attempts"),
              instant(rs, "next_attempt_at"),
              rs.getString("lease_token"),
              instant(rs, "lease_until"),
              rs.getString("last_error"),
              (Integer) rs.getObject("last_status"),
              instant(rs, "created_at"),
              instant(rs, "updated_at"),
              instant(rs, "delivered_at"),
              instant(rs, "deliver_by"),
              rs.getString("patient_id"),
              instant(rs, "first_attempt_at"),
              rs.getInt("throttled"));
}
