package org.continuumcare.gateway.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.security.SmartScopes;

/**
 * Who started an export, as it is kept with the job (HAPI's job user data, JSON): the job's steps
 * run on Batch2 worker threads without the caller's security context, and judge every resource as
 * this caller. The caller's scopes are not kept: they were checked against the exported types at
 * kick-off, and a caller rebuilt without scopes can only see less, never more.
 */
record ExportOwner(
    String clientId,
    String organizationId,
    Caller.Access access,
    String purposeOfUse,
    Caller.User user) {

  private static final String PREFIX = "continuum.export.";

  static ExportOwner of(Caller caller) {
    return new ExportOwner(
        caller.clientId(),
        caller.organizationId(),
        caller.access(),
        caller.purposeOfUse(),
        caller.user());
  }

  /** The caller the job acts for. */
  Caller asCaller() {
    return new Caller(
        clientId,
        organizationId,
        access,
        purposeOfUse,
        SmartScopes.parse(List.<String>of()),
        null,
        user);
  }

  Map<String, Object> toUserData() {
    Map<String, Object> data = new HashMap<>();
    data.put(PREFIX + "client", clientId);
    if (organizationId != null) {
      data.put(PREFIX + "organization", organizationId);
    }
    data.put(PREFIX + "access", access.name());
    data.put(PREFIX + "purpose", purposeOfUse);
    if (user != null) {
      data.put(PREFIX + "user.sub", user.subject());
      data.put(PREFIX + "user.name", user.name());
      data.put(PREFIX + "user.fhirUser", user.fhirUser());
    }
    return data;
  }

  /** The owner kept in a job's user data; empty for jobs nobody started over {@code /fhir}. */
  static Optional<ExportOwner> fromUserData(Map<String, Object> data) {
    if (data == null
        || !(data.get(PREFIX + "client") instanceof String client)
        || !(data.get(PREFIX + "access") instanceof String access)) {
      return Optional.empty();
    }
    Object organization = data.get(PREFIX + "organization");
    Object purpose = data.get(PREFIX + "purpose");
    return Optional.of(
        new ExportOwner(
            client,
            organization instanceof String org ? org : null,
            Caller.Access.valueOf(access),
            purpose instanceof String p ? p : null,
            user(data)));
  }

  private static Caller.User user(Map<String, Object> data) {
    return data.get(PREFIX + "user.sub") instanceof String subject
            && data.get(PREFIX + "user.name") instanceof String name
            && data.get(PREFIX + "user.fhirUser") instanceof String fhirUser
        ? new Caller.User(subject, name, fhirUser)
        : null;
  }
}
