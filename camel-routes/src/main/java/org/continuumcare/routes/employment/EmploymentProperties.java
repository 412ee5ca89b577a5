package org.continuumcare.routes.employment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the employment partner ({@code continuum.employment.*}).
 *
 * @param enabled   wire the employment partner's mappers (default false)
 * @param partnerId the partner Organization id (e.g. {@code demo-employment})
 */
@ConfigurationProperties("continuum.employment")
public record EmploymentProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("demo-employment") String partnerId) {
}
