package org.continuumcare.gateway.partners;

/** What kind of partner an Organization id configured on this gateway is. */
enum PartnerKind {
  /** Housing office: status callbacks and HMIS CSV exports ({@code continuum.housing.partner-id}). */
  HOUSING,
  /** Employment service: outcome webhooks ({@code continuum.employment.partner-id}). */
  EMPLOYMENT
}
