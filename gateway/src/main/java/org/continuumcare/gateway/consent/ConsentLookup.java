package org.continuumcare.gateway.consent;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Consent;

/** Where the SUD disclosure consents of patients are found (any status). */
interface ConsentLookup {

  /** Every SUD disclosure consent of the patient. */
  List<Consent> consentsOf(String patientId);

  /** Every SUD disclosure consent of each of {@code patientIds}, by patient id (none: absent). */
  Map<String, List<Consent>> consentsOf(Collection<String> patientIds);
}
