package org.continuumcare.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the gateway's own Prometheus endpoint, as a scraper would. */
public final class Metrics {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)})?\\s+(\\S+)$", Pattern.MULTILINE);

  private Metrics() {}

  /**
   * The sum of every sample of {@code metric} whose labels contain each of {@code labels} ({@code
   * reason="x"}).
   */
  public static double sum(GatewayIntegrationTest test, String metric, String... labels)
      throws Exception {
    HttpResponse<String> scrape = test.http(test.anonymousRequest("/actuator/prometheus").GET());
    assertThat(scrape.statusCode()).isEqualTo(200);
    double sum = 0;
    Matcher sample = SAMPLE.matcher(scrape.body());
    while (sample.find()) {
      if (sample.group(1).equals(metric) && containsAll(sample.group(2), labels)) {
        sum += Double.parseDouble(sample.group(3));
      }
    }
    return sum;
  }

  private static boolean containsAll(String sampleLabels, String[] labels) {
    for (String label : labels) {
      if (sampleLabels == null || !sampleLabels.contains(label)) {
        return false;
      }
    }
    return true;
  }
}
