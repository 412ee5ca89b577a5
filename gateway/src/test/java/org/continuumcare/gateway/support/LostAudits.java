package org.continuumcare.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Fails a test whose requests lost an AuditEvent ({@code continuum_audit_lost_total} grew). */
public final class LostAudits {

  private LostAudits() {}

  public static void assertNoneLost(GatewayIntegrationTest test) throws Exception {
    assertThat(Metrics.sum(test, "continuum_audit_lost_total"))
        .as("AuditEvents that could not be stored (see the log's ERROR line)")
        .isZero();
  }
}
