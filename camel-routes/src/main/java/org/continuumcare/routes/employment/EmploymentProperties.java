package org.continuumcare.routes.employment;

import org.continuumcare.routes.partnerjson.PartnerOutbound;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the employment partner ({@code continuum.employment.*}).
 *
 * @param enabled wire the employment partner's mappers (default false)
 * @param partnerId the partner Organization id (e.g. {@code demo-employment})
 * @param outbound how referrals are sent to the partner's API
 */
@ConfigurationProperties("continuum.employment")
public record EmploymentProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("demo-employment") String partnerId,
    @DefaultValue PartnerOutbound outbound) {}
