package org.continuumcare.gateway.views;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Basic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain's views, shipped with the product (classpath {@code views/<name>.json}) and stored at
 * startup as {@code ViewDefinition/view-<name>} ({@code Basic/view-<name>}, see {@link
 * StoredViews}); storing an unchanged view makes no new version.
 */
public final class ShippedViews {

  private static final Logger log = LoggerFactory.getLogger(ShippedViews.class);

  public static final List<String> NAMES =
      List.of(
          "recovery_capital_scores",
          "referrals",
          "referral_tasks",
          "release_handoffs",
          "release_handoff_referrals",
          "consents");

  private ShippedViews() {}

  /** Every shipped view by name, in {@link #NAMES} order. */
  public static Map<String, JsonNode> all() {
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> views = new LinkedHashMap<>();
    for (String name : NAMES) {
      try (InputStream in = ShippedViews.class.getResourceAsStream("/views/" + name + ".json")) {
        if (in == null) {
          throw new IllegalStateException("views/" + name + ".json is missing from the classpath");
        }
        views.put(name, json.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return views;
  }

  /** The stored id of the shipped view {@code name}. */
  public static String id(String name) {
    return "view-" + name.replace('_', '-');
  }

  static void store(DaoRegistry daos) {
    all()
        .forEach(
            (name, view) -> {
              Basic basic = StoredViews.toBasic(id(name), view);
              daos.getResourceDao(Basic.class).update(basic, new SystemRequestDetails());
            });
    log.info("Stored {} shipped ViewDefinitions", NAMES.size());
  }
}
