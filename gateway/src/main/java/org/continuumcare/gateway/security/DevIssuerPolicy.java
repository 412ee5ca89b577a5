package org.continuumcare.gateway.security;

/** When the development token issuer may run. */
final class DevIssuerPolicy {

  /** The profile of real deployments (PostgreSQL): no development issuer there unless forced. */
  static final String PRODUCTION_PROFILE = "postgres";

  private DevIssuerPolicy() {}

  /**
   * @throws IllegalStateException when the issuer is on in the production profile without {@code
   *     force}
   */
  static void check(SecurityProperties.DevIssuer devIssuer, boolean productionProfile) {
    if (devIssuer.enabled() && productionProfile && !devIssuer.force()) {
      throw new IllegalStateException(
          "The development token issuer (continuum.security.dev-issuer.enabled) is on in the '"
              + PRODUCTION_PROFILE
              + "' profile, where anyone holding the documented demo secrets could "
              + "obtain tokens. Configure an external issuer (CONTINUUM_SECURITY_ISSUER_URI or "
              + "CONTINUUM_SECURITY_JWK_SET_URI) and turn it off, or set "
              + "CONTINUUM_SECURITY_DEV_ISSUER_FORCE=true for a demo on PostgreSQL.");
    }
  }
}
