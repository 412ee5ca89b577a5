package org.continuumcare.routes.relay;

/**
 * Which held deliveries {@link OutboxStore#releaseHeld} releases: every non-null part must match
 * (patient, resource, partner); at least one must be given.
 */
public record HeldSelection(
    String patientId, String resourceType, String resourceId, String partnerId) {

  public HeldSelection {
    if (patientId == null && resourceType == null && partnerId == null) {
      throw new IllegalArgumentException("name a patient, a resource or a partner");
    }
    if ((resourceType == null) != (resourceId == null)) {
      throw new IllegalArgumentException("a resource needs its type and id");
    }
  }

  /** Every held delivery about {@code Patient/patientId}, to any partner. */
  public static HeldSelection patient(String patientId) {
    return new HeldSelection(patientId, null, null, null);
  }

  /** Every held delivery of {@code resourceType/resourceId} (any version), to any partner. */
  public static HeldSelection resource(String resourceType, String resourceId) {
    return new HeldSelection(null, resourceType, resourceId, null);
  }

  /** Every held delivery to {@code Organization/partnerId}. */
  public static HeldSelection partner(String partnerId) {
    return new HeldSelection(null, null, null, partnerId);
  }

  /** The same selection, limited to one partner. */
  public HeldSelection toPartner(String partner) {
    return new HeldSelection(patientId, resourceType, resourceId, partner);
  }
}
