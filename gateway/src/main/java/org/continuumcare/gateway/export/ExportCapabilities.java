package org.continuumcare.gateway.export;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * The CapabilityStatement says the server implements the Bulk Data Access IG's server capabilities
 * ({@code instantiates}); HAPI lists the {@code $export} operations themselves.
 */
@Interceptor
final class ExportCapabilities {

  static final String BULK_DATA_SERVER =
      "http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data";

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void advertise(IBaseConformance statement) {
    if (statement instanceof CapabilityStatement capabilities
        && capabilities.getInstantiates().stream()
            .noneMatch(value -> BULK_DATA_SERVER.equals(value.getValue()))) {
      capabilities.addInstantiates(BULK_DATA_SERVER);
    }
  }
}
