package org.continuumcare.routes.partner;

import java.util.Optional;
import org.continuumcare.routes.partnerjson.PartnerJsonAdapter;
import org.continuumcare.routes.partnerjson.PartnerOutbound;

/**
 * One partner that speaks Continuum's partner JSON, as its package registers it: a bean of this
 * type (made by the partner's {@code <Partner>Config} when {@code continuum.<partner>.enabled}) is
 * all the gateway needs to send the partner its referrals, take its status updates at {@code POST
 * /api/partners/{partnerId}/status} and, when it sends HMIS exports, take them at {@code
 * /api/partners/{partnerId}/hmis-csv} and from a drop directory. The gateway holds no partner's
 * name, code or format.
 */
public interface PartnerFormat {

  /** The partner's Organization id, e.g. {@code demo-housing}. */
  String partnerId();

  /**
   * How referrals go out: the Endpoint.connectionType the relay routes to this partner, the id of
   * the adapter route, the mapper from a referral to the partner's JSON and its JSON Schema.
   */
  PartnerJsonAdapter.Format referrals();

  /** How the gateway authenticates to the partner's API. */
  PartnerOutbound outbound();

  /** The partner's status updates about referrals, when it sends any. */
  default Optional<StatusCallback<?>> statusCallback() {
    return Optional.empty();
  }

  /** The partner's HMIS CSV exports, when it sends any. */
  default Optional<HmisImport> hmisImport() {
    return Optional.empty();
  }
}
