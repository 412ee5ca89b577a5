package org.continuumcare.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits of the gateway ({@code continuum.http.*}).
 *
 * @param maxRequestBody the largest request body accepted; larger ones get 413 with an
 *     OperationOutcome before anything is parsed or stored
 */
@ConfigurationProperties("continuum.http")
public record HttpProperties(@DefaultValue("20MB") DataSize maxRequestBody) {}
