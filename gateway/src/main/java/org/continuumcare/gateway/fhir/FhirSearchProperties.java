package org.continuumcare.gateway.fhir;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on the work one FHIR API request may cause ({@code continuum.fhir.search.*}).
 *
 * @param maxHasDepth how many {@code _has} (reverse chain) levels one search parameter may nest
 * @param maxChainDepth how many forward reference hops ({@code subject.organization.name} is 2) one
 *     search parameter may chain
 */
@Validated
@ConfigurationProperties("continuum.fhir.search")
public record FhirSearchProperties(
    @DefaultValue("1") @Min(0) int maxHasDepth,
    @DefaultValue("2") @Min(0) int maxChainDepth) {}
