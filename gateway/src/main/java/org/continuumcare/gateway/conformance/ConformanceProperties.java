package org.continuumcare.gateway.conformance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the server holds Continuum's FHIR packages ({@code continuum.conformance.*}).
 *
 * @param validateOnWrite validate every write that claims one of our profiles (or answers one of
 *     our Questionnaires) and refuse it with 422 when invalid
 * @param scoreAssessments derive RecoveryCapitalScore Observations when an assessment is stored
 */
@ConfigurationProperties("continuum.conformance")
public record ConformanceProperties(
    @DefaultValue("true") boolean validateOnWrite,
    @DefaultValue("true") boolean scoreAssessments) {}
