package org.continuumcare.routes.probation;

import org.continuumcare.routes.partnerjson.PartnerOutbound;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the probation / parole service ({@code continuum.probation.*}).
 *
 * @param enabled register the probation partner (default false)
 * @param partnerId the partner Organization id (e.g. {@code demo-probation}); its Organization.type
 *     is {@code community-corrections}, which the consent rules for criminal-justice recipients
 *     read
 * @param outbound how referrals are sent to the service's API
 */
@ConfigurationProperties("continuum.probation")
public record ProbationProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("demo-probation") String partnerId,
    @DefaultValue PartnerOutbound outbound) {}
