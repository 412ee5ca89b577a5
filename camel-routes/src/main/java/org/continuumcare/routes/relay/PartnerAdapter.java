package org.continuumcare.routes.relay;

/**
 * Sends one resource version to one kind of partner endpoint. Implementations return normally when
 * the partner accepted it and otherwise throw {@link TransientDeliveryException} (retry later) or
 * {@link PermanentDeliveryException} (dead letter).
 */
public interface PartnerAdapter {

  /** The Endpoint.connectionType code this adapter serves, e.g. {@code hl7-fhir-rest}. */
  String connectionType();

  /** The id of the Camel route that calls this adapter ({@code direct:<id>}). */
  String routeId();

  /** Delivers; returns the partner's HTTP status (or an equivalent success code). */
  int deliver(Delivery delivery);
}
