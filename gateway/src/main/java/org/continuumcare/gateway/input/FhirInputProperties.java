package org.continuumcare.gateway.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the FHIR API reads what clients send ({@code continuum.fhir.*}).
 *
 * @param strictParsing parse request bodies strictly: an unknown element, a wrong XML namespace and
 *     the like are a 400 naming them instead of being dropped silently (default on; switch off only
 *     for a client that cannot be fixed, and never for an untrusted one)
 */
@ConfigurationProperties("continuum.fhir")
public record FhirInputProperties(@DefaultValue("true") boolean strictParsing) {}
