package org.continuumcare.gateway.fhir;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the HAPI FHIR server ({@code hapi.fhir.*}).
 *
 * @param defaultPageSize search results per page when the client sends no {@code _count}
 * @param maxPageSize the largest {@code _count} honoured; larger values are clamped
 * @param serverAddress the public base URL (e.g. {@code https://gateway.example.org/fhir}) used in
 *     links when the gateway sits behind a proxy; empty means "derive it from the request"
 */
@Validated
@ConfigurationProperties("hapi.fhir")
public record HapiFhirProperties(
    @DefaultValue("20") @Min(1) int defaultPageSize,
    @DefaultValue("200") @Min(1) int maxPageSize,
    @DefaultValue("") String serverAddress) {}
