package org.continuumcare.gateway.partners;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.continuumcare.routes.partner.PartnerFormat;

/**
 * The partners this gateway serves: every {@link PartnerFormat} a partner package registered (each
 * only when its {@code continuum.<partner>.enabled}), by Organization id. Two partners with one id
 * stop the application at startup.
 */
final class ConfiguredPartners {

  private final Map<String, PartnerFormat> byId;

  ConfiguredPartners(List<PartnerFormat> partners) {
    Map<String, PartnerFormat> index = new LinkedHashMap<>();
    for (PartnerFormat partner : partners) {
      PartnerFormat before = index.putIfAbsent(partner.partnerId(), partner);
      if (before != null) {
        throw new IllegalStateException(
            "Two partners are configured with Organization id '"
                + partner.partnerId()
                + "' ("
                + before.referrals().connectionType()
                + ", "
                + partner.referrals().connectionType()
                + ")");
      }
    }
    this.byId = Map.copyOf(index);
  }

  Optional<PartnerFormat> find(String partnerId) {
    return Optional.ofNullable(partnerId == null ? null : byId.get(partnerId));
  }

  List<PartnerFormat> all() {
    return List.copyOf(byId.values());
  }
}
