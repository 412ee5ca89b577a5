package org.continuumcare.gateway.partners;

import java.util.Optional;
import org.continuumcare.routes.employment.EmploymentOutcomeMapper;
import org.continuumcare.routes.employment.EmploymentProperties;
import org.continuumcare.routes.housing.HousingProperties;
import org.continuumcare.routes.housing.HousingStatusCallbackMapper;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The partners this gateway serves, from configuration: the housing partner when
 * {@code continuum.housing.enabled}, the employment partner when {@code continuum.employment.enabled}.
 */
final class ConfiguredPartners {

  private final ObjectProvider<HousingProperties> housing;
  private final ObjectProvider<EmploymentProperties> employment;
  private final ObjectProvider<HousingStatusCallbackMapper> housingCallbacks;
  private final ObjectProvider<EmploymentOutcomeMapper> employmentOutcomes;

  ConfiguredPartners(ObjectProvider<HousingProperties> housing,
      ObjectProvider<EmploymentProperties> employment,
      ObjectProvider<HousingStatusCallbackMapper> housingCallbacks,
      ObjectProvider<EmploymentOutcomeMapper> employmentOutcomes) {
    this.housing = housing;
    this.employment = employment;
    this.housingCallbacks = housingCallbacks;
    this.employmentOutcomes = employmentOutcomes;
  }

  Optional<PartnerKind> kindOf(String partnerId) {
    HousingProperties h = housing.getIfAvailable();
    if (h != null && h.enabled() && h.partnerId().equals(partnerId)) {
      return Optional.of(PartnerKind.HOUSING);
    }
    EmploymentProperties e = employment.getIfAvailable();
    if (e != null && e.enabled() && e.partnerId().equals(partnerId)) {
      return Optional.of(PartnerKind.EMPLOYMENT);
    }
    return Optional.empty();
  }

  HousingStatusCallbackMapper housingCallbacks() {
    return housingCallbacks.getObject();
  }

  EmploymentOutcomeMapper employmentOutcomes() {
    return employmentOutcomes.getObject();
  }
}
