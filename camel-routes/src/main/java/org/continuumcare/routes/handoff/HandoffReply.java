package org.continuumcare.routes.handoff;

import java.net.URI;
import java.util.Objects;

/**
 * What an HTTP endpoint of a handoff partner answers, as the partner package decides it: the
 * status, the media type and the body (a String is written as it is, anything else as JSON), and
 * the Location of what was created, if anything.
 *
 * @param status the HTTP status
 * @param contentType the media type of the body, e.g. {@code application/problem+json}
 * @param body the body, or null for none
 * @param location the Location header, or null
 */
public record HandoffReply(int status, String contentType, Object body, URI location) {

  public HandoffReply {
    Objects.requireNonNull(contentType, "contentType");
  }

  public static HandoffReply of(int status, String contentType, Object body) {
    return new HandoffReply(status, contentType, body, null);
  }
}
