package org.continuumcare.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fails a test whose requests lost an AuditEvent ({@code continuum_audit_lost_total} grew). */
public final class LostAudits {

  private static final Pattern LOST = Pattern.compile("(?m)^continuum_audit_lost_total\\{[^}]*} ([0-9.E]+)$");

  private LostAudits() {}

  /** The number of AuditEvents lost so far, from the gateway's Prometheus endpoint. */
  public static double count(GatewayIntegrationTest test) throws Exception {
    HttpResponse<String> scrape = test.http(test.anonymousRequest("/actuator/prometheus").GET());
    assertThat(scrape.statusCode()).isEqualTo(200);
    double lost = 0;
    Matcher matcher = LOST.matcher(scrape.body());
    while (matcher.find()) {
      lost += Double.parseDouble(matcher.group(1));
    }
    return lost;
  }

  public static void assertNoneLost(GatewayIntegrationTest test) throws Exception {
    assertThat(count(test)).as("AuditEvents that could not be stored (see the log's ERROR line)").isZero();
  }
}
