package org.continuumcare.routes.handoff;

import java.util.List;

/**
 * The queue behind a handoff partner's accept acknowledgment, for administrators (the gateway puts
 * {@code GET /api/handoffs/queue} and {@code POST /api/handoffs/queue/{id}/replay} in front of it
 * and keeps a gauge per state).
 */
public interface HandoffQueueAdmin {

  /** The states a queued handoff can be in (a gauge each). */
  List<String> states();

  /** Handoffs in this state now. */
  long count(String state);

  /** The count per state and up to {@code limit} dead letters (no clinical content). */
  HandoffReply status(int limit);

  /** Makes a dead letter due again, or a 404 problem when there is no such dead letter. */
  HandoffReply replay(long id);
}
