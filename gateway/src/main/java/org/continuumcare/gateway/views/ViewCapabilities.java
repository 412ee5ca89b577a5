package org.continuumcare.gateway.views;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;

/**
 * Advertises the SQL on FHIR operations in the CapabilityStatement. R4 has no ViewDefinition
 * resource type to list them under (the IG's own OperationDefinitions use the same workaround), so
 * they are listed as operations of the server, with the IG's canonical definitions.
 *
 * <p>Build followed: the SQL on FHIR v2 IG's continuous build, operations as defined in
 * FHIR/sql-on-fhir-v2 {@code input/fsh/operations.fsh} at commit 3258d1728e98 (ViewDefinitionRun,
 * code {@code viewdefinition-run}; ViewDefinitionExport, code {@code viewdefinition-export}).
 * {@code $run} is accepted as the shorter name of {@code $viewdefinition-run}. Views follow the
 * ViewDefinition of SQL on FHIR v2.0.0, checked by the suite in src/test/resources/sql-on-fhir-v2.
 */
@Interceptor
final class ViewCapabilities {

  static final String RUN = "http://sql-on-fhir.org/OperationDefinition/$viewdefinition-run";
  static final String EXPORT = "http://sql-on-fhir.org/OperationDefinition/$viewdefinition-export";

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void advertise(IBaseConformance statement) {
    if (!(statement instanceof CapabilityStatement capabilities)) {
      return;
    }
    CapabilityStatementRestComponent rest = capabilities.getRestFirstRep();
    rest.addOperation()
        .setName("viewdefinition-run")
        .setDefinition(RUN)
        .setDocumentation(
            "ViewDefinition/$run and ViewDefinition/[id]/$run (also $viewdefinition-run): run a"
                + " SQL on FHIR v2 view synchronously; _format csv, ndjson, json or parquet.");
    rest.addOperation()
        .setName("viewdefinition-export")
        .setDefinition(EXPORT)
        .setDocumentation(
            "ViewDefinition/$viewdefinition-export: export views asynchronously as Parquet,"
                + " NDJSON or CSV files (Prefer: respond-async).");
  }
}
