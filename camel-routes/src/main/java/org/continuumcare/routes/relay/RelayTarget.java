package org.continuumcare.routes.relay;

/**
 * A partner Organization a resource must travel to, and optionally the connection type of the
 * endpoint to use (null: every active endpoint of the partner).
 */
public record RelayTarget(String partnerId, String connectionType) {}
