package org.continuumcare.gateway.security;

import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderAppliesTo;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.continuumcare.gateway.security.SmartScopes.Permission;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

/**
 * Translates a caller's SMART scopes into HAPI authorization rules. Everything not allowed here is
 * refused by the interceptor's default policy (403 with an OperationOutcome) before any data is
 * read, so a refused request never tells whether a record exists.
 *
 * <ul>
 *   <li>{@code r} or {@code s} on a type: HAPI's read rule; {@link
 *       SmartScopeAuthorizationInterceptor} then tells them apart ({@code r}: read and vread;
 *       {@code s}: search and history);
 *   <li>{@code c}: create (also conditional); {@code u}: update (also conditional) and patch, never
 *       create when {@code c} is missing; {@code d}: delete;
 *   <li>any write permission: transactions and batches, whose entries meet the same rules;
 *   <li>every caller: the CapabilityStatement, terminology operations and {@code $validate};
 *   <li>{@code Patient/[id]/$everything}: callers who read Patients and are not partners (a partner
 *       sees only what is addressed to it, see {@link PartnerIsolation});
 *   <li>Bulk Data {@code $export} and its status: callers who read something, never partners;
 *   <li>{@code Patient/[id]/$disclosures} (the patient's list of SUD disclosures): care-team
 *       callers and administrators who read AuditEvents; and a patient-facing app for its launch
 *       patient only ({@link Caller#readsOwnDisclosures}: claim {@code patient} and {@code
 *       patient/AuditEvent.rs}), which is all that {@code patient/} scopes ever grant;
 *   <li>{@code Measure/[id]/$evaluate-measure}: callers who may search some type (see
 *       gateway.measures);
 *   <li>gateway operations ({@code $relay-status}, {@code $relay-replay}): administrators only;
 *   <li>analysts: never anything but reads, whatever their scopes say.
 * </ul>
 */
final class SmartScopeRules {

  static final List<String> TERMINOLOGY_OPERATIONS =
      List.of("$expand", "$lookup", "$validate-code", "$translate", "$subsumes");
  static final List<String> ADMIN_OPERATIONS = List.of("$relay-status", "$relay-replay");
  static final String EXPORT = "$export";
  static final String EXPORT_STATUS = "$export-poll-status";

  private SmartScopeRules() {}

  static List<IAuthRule> rulesFor(Caller caller) {
    RuleBuilder rules = new RuleBuilder();
    rules.allow("capability statement").metadata().andThen();
    for (String operation : TERMINOLOGY_OPERATIONS) {
      rules
          .allow("terminology")
          .operation()
          .named(operation)
          .atAnyLevel()
          .andAllowAllResponses()
          .andThen();
    }
    rules
        .allow("validation")
        .operation()
        .named("$validate")
        .onAnyType()
        .andAllowAllResponses()
        .andThen();
    if (caller.isAdmin()) {
      for (String operation : ADMIN_OPERATIONS) {
        rules
            .allow("gateway operations")
            .operation()
            .named(operation)
            .atAnyLevel()
            .andAllowAllResponses()
            .andThen();
      }
    }
    SmartScopes scopes = caller.scopes();
    if (!union(scopes, Permission.SEARCH).isEmpty()) {
      // Aggregates over what the AccessGate shows the caller; the operation checks the scopes of
      // each type a measure reads, suppresses small counts and allows subject lists to admins only.
      rules
          .allow("outcome measures")
          .operation()
          .named("$evaluate-measure")
          .onInstancesOfType(org.hl7.fhir.r4.model.Measure.class)
          .andAllowAllResponses()
          .andThen();
    }

    Set<String> readable = union(scopes, Permission.READ, Permission.SEARCH);
    for (String type : readable) {
      appliesTo(rules.allow("scope " + type + ".rs").read(), type).withAnyId().andThen();
    }
    if (!caller.isPartner()
        && (readable.contains(SmartScopes.ANY_TYPE) || readable.contains("Patient"))) {
      rules
          .allow("patient everything")
          .operation()
          .named("$everything")
          .onInstancesOfType(Patient.class)
          .andRequireExplicitResponseAuthorization()
          .andThen();
    }
    bulkExport(rules, caller, readable);
    if ((caller.isAdmin() || caller.access() == Caller.Access.CARE_TEAM)
        && (readable.contains(SmartScopes.ANY_TYPE) || readable.contains("AuditEvent"))) {
      rules
          .allow("patient disclosures")
          .operation()
          .named(Caller.DISCLOSURES_OPERATION)
          .onInstancesOfType(Patient.class)
          .andRequireExplicitResponseAuthorization()
          .andThen();
    }
    if (caller.patient() != null && caller.readsOwnDisclosures(caller.patient())) {
      rules
          .allow("patient's own disclosures")
          .operation()
          .named(Caller.DISCLOSURES_OPERATION)
          .onInstance(new IdType("Patient", caller.patient()))
          .andAllowAllResponses()
          .andThen();
    }
    if (caller.access() == Caller.Access.ANALYST) {
      return rules.build();
    }

    Set<String> creatable = union(scopes, Permission.CREATE);
    Set<String> updatable = union(scopes, Permission.UPDATE);
    Set<String> deletable = union(scopes, Permission.DELETE);
    for (String type : creatable) {
      appliesTo(rules.allow("scope " + type + ".c").create(), type).withAnyId().andThen();
      appliesTo(rules.allow("scope " + type + ".c (conditional)").createConditional(), type)
          .andThen();
    }
    Set<String> updateOnly = new TreeSet<>(updatable);
    if (creatable.contains(SmartScopes.ANY_TYPE)) {
      updateOnly.clear();
    } else {
      updateOnly.removeAll(creatable);
    }
    for (String type : updateOnly) {
      appliesTo(rules.deny("scope " + type + ".u without c").create(), type).withAnyId().andThen();
    }
    for (String type : updatable) {
      appliesTo(rules.allow("scope " + type + ".u").write(), type).withAnyId().andThen();
      appliesTo(rules.allow("scope " + type + ".u (conditional)").updateConditional(), type)
          .andThen();
    }
    for (String type : deletable) {
      appliesTo(rules.allow("scope " + type + ".d").delete(), type).withAnyId().andThen();
    }
    if (!updatable.isEmpty()) {
      rules.allow("patch").patch().allRequests().andThen();
    }
    if (!creatable.isEmpty() || !updatable.isEmpty() || !deletable.isEmpty()) {
      rules.allow("transaction").transaction().withAnyOperation().andApplyNormalRules().andThen();
    }
    return rules.build();
  }

  /**
   * Bulk Data {@code $export} (system, {@code Patient}, {@code Group/[id]}) and its status: callers
   * who read something and are not partners; which types they may export is decided at kick-off
   * (the export package), which resources by the access gate inside the job.
   */
  private static void bulkExport(RuleBuilder rules, Caller caller, Set<String> readable) {
    if (caller.isPartner()) {
      rules
          .deny("partner clients cannot export")
          .operation()
          .named(EXPORT)
          .atAnyLevel()
          .andAllowAllResponses()
          .andThen();
      return;
    }
    if (readable.isEmpty()) {
      return;
    }
    rules
        .allow("bulk export")
        .operation()
        .named(EXPORT)
        .onServer()
        .andAllowAllResponses()
        .andThen();
    rules
        .allow("bulk export")
        .operation()
        .named(EXPORT)
        .onType(Patient.class)
        .andAllowAllResponses()
        .andThen();
    rules
        .allow("bulk export")
        .operation()
        .named(EXPORT)
        .onInstancesOfType(Group.class)
        .andAllowAllResponses()
        .andThen();
    rules
        .allow("bulk export status")
        .operation()
        .named(EXPORT_STATUS)
        .onServer()
        .andAllowAllResponses()
        .andThen();
    rules.allow("bulk export").bulkExport().any().andThen();
  }

  /**
   * The types (or {@code *}) granted any of {@code permissions}; {@code *} alone if it is granted.
   */
  private static Set<String> union(SmartScopes scopes, Permission... permissions) {
    Set<String> types = new TreeSet<>();
    for (Permission permission : permissions) {
      if (scopes.allowsAnyType(permission)) {
        return Set.of(SmartScopes.ANY_TYPE);
      }
      types.addAll(scopes.typesWith(permission));
    }
    return types;
  }

  /** The rule applies to every type for {@code *}, else to {@code type}. */
  private static <C> C appliesTo(IAuthRuleBuilderAppliesTo<C> rule, String type) {
    return SmartScopes.ANY_TYPE.equals(type) ? rule.allResources() : rule.resourcesOfType(type);
  }
}
