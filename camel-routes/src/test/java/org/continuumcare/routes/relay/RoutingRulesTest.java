package org.continuumcare.routes.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String REFERRAL =
      "https://continuumcare.org/fhir/StructureDefinition/referral";
  private static final String CATEGORIES =
      "https://continuumcare.org/fhir/CodeSystem/referral-category";

  private static RelayProperties.Rule rule(
      String name,
      String type,
      String profile,
      String category,
      String path,
      String connectionType) {
    return new RelayProperties.Rule(name, type, profile, category, path, connectionType);
  }

  private static ServiceRequest referral(String categoryCode, String... performers) {
    ServiceRequest request = new ServiceRequest();
    request.getMeta().addProfile(REFERRAL);
    request.addCategory(new CodeableConcept(new Coding(CATEGORIES, categoryCode, null)));
    for (String performer : performers) {
      request.addPerformer(new Reference(performer));
    }
    return request;
  }

  @Test
  void housingReferralGoesToItsPerformerOrganizations() {
    RoutingRules rules =
        RoutingRules.compile(
            FHIR,
            List.of(
                rule(
                    "housing-referrals",
                    "ServiceRequest",
                    REFERRAL,
                    CATEGORIES + "|housing",
                    "ServiceRequest.performer",
                    null)));

    assertThat(
            rules.targetsFor(
                referral("housing", "Organization/demo-housing", "Organization/other-housing")))
        .containsExactly(
            new RelayTarget("demo-housing", null), new RelayTarget("other-housing", null));
  }

  @Test
  void referralOfAnotherCategoryGoesNowhere() {
    RoutingRules rules =
        RoutingRules.compile(
            FHIR,
            List.of(
                rule(
                    "housing-referrals",
                    "ServiceRequest",
                    null,
                    "housing",
                    "ServiceRequest.performer",
                    null)));

    assertThat(rules.targetsFor(referral("employment", "Organization/demo-housing"))).isEmpty();
  }

  @Test
  void categoryWithSystemDoesNotMatchTheSameCodeFromAnotherSystem() {
    RoutingRules rules =
        RoutingRules.compile(
            FHIR,
            List.of(
                rule(
                    "housing-referrals",
                    "ServiceRequest",
                    null,
                    "http://example.org/other|housing",
                    "ServiceRequest.performer",
                    null)));

    assertThat(rules.targetsFor(referral("housing", "Organization/demo-housing"))).isEmpty();
  }

  @Test
  void resourceWithoutTheProfileIsNotRouted() {
    RoutingRules rules =
        RoutingRules.compile(
            FHIR,
            List.of(
                rule(
                    "referrals",
                    "ServiceRequest",
                    REFERRAL,
                    null,
                    "ServiceRequest.performer",
                    null)));
    ServiceRequest plain = new ServiceRequest();
    plain.addPerformer(new Reference("Organization/demo-treatment"));

    assertThat(rules.targetsFor(plain)).isEmpty();
  }

  @Test
  void onlyOrganizationReferencesDesignatePartners() {
    RoutingRules rules =
        RoutingRules.compile(
            FHIR,
            List.of(
                rule("referrals", "ServiceRequest", null, null, "ServiceRequest.performer", null)));

    assertThat(
            rules.targetsFor(referral("housing", "Practitioner/p1", "Organization/demo-treatment")))
        .containsExactly(new RelayTarget("demo-treatment", null));
  }

  @Test
  void taskOwnerRuleCarriesItsConnectionTypeAndIgnoresOtherTypes() {
    RoutingRules rules =
        RoutingRules.compile(
            FHIR, List.of(rule("tasks", "Task", null, null, "Task.owner", "hl7-fhir-rest")));
    Task task = new Task();
    task.setOwner(new Reference("Organization/demo-employment"));

    assertThat(rules.targetsFor(task))
        .containsExactly(new RelayTarget("demo-employment", "hl7-fhir-rest"));
    assertThat(rules.targetsFor(new Patient())).isEmpty();
    assertThat(rules.resourceTypes()).containsExactly("Task");
  }

  private static final String RECEIVER =
      "https://continuumcare.org/fhir/StructureDefinition/receiving-organization";
  private static final String HANDOFF =
      "https://continuumcare.org/fhir/StructureDefinition/release-handoff";

  @Test
  void extensionPartnerPathRoutesToTheOrganizationItsReferenceValueNames() {
    RoutingRules rules =
        RoutingRules.compile(
            FHIR,
            List.of(
                rule(
                    "handoff",
                    "Composition",
                    HANDOFF,
                    null,
                    "Composition.extension('" + RECEIVER + "')",
                    null)));
    Composition handoff = new Composition();
    handoff.getMeta().addProfile(HANDOFF);
    handoff.addExtension("https://example.org/other", new Reference("Organization/not-this-one"));
    handoff.addExtension(RECEIVER, new Reference("Organization/demo-treatment"));
    handoff.addAuthor(new Reference("Organization/demo-prison"));
    handoff.setCustodian(new Reference("Organization/demo-prison"));

    assertThat(rules.targetsFor(handoff)).containsExactly(new RelayTarget("demo-treatment", null));
  }

  @Test
  void extensionPartnerPathIgnoresValuesThatAreNotOrganizationReferences() {
    RoutingRules rules =
        RoutingRules.compile(
            FHIR,
            List.of(
                rule(
                    "handoff",
                    "Composition",
                    null,
                    null,
                    "Composition.extension('" + RECEIVER + "')",
                    null)));
    Composition composition = new Composition();
    composition.addExtension(RECEIVER, new Reference("Practitioner/p1"));
    composition.addExtension(RECEIVER, new StringType("Organization/demo-treatment"));

    assertThat(rules.targetsFor(composition)).isEmpty();
    assertThat(rules.targetsFor(new Composition())).isEmpty();
  }

  @Test
  void extensionPartnerPathOnATypeWithoutExtensionsFailsNamingTheRule() {
    assertThatThrownBy(
            () ->
                RoutingRules.compile(
                    FHIR,
                    List.of(
                        rule(
                            "bundle",
                            "Bundle",
                            null,
                            null,
                            "Bundle.extension('" + RECEIVER + "')",
                            null))))
        .isInstanceOf(InvalidRelayConfigurationException.class)
        .hasMessageContaining("(bundle)")
        .hasMessageContaining("Bundle has no extensions");
  }

  @Test
  void malformedExtensionPartnerPathFailsNamingTheRule() {
    assertThatThrownBy(
            () ->
                RoutingRules.compile(
                    FHIR,
                    List.of(
                        rule(
                            "half",
                            "Composition",
                            null,
                            null,
                            "Composition.extension(" + RECEIVER + ")",
                            null))))
        .isInstanceOf(InvalidRelayConfigurationException.class)
        .hasMessageContaining("(half)")
        .hasMessageContaining("is not an element of Composition");
  }

  @Test
  void twoRulesNamingTheSamePartnerGiveItOnce() {
    RoutingRules rules =
        RoutingRules.compile(
            FHIR,
            List.of(
                rule(
                    "all-referrals",
                    "ServiceRequest",
                    null,
                    null,
                    "ServiceRequest.performer",
                    null),
                rule(
                    "housing",
                    "ServiceRequest",
                    null,
                    "housing",
                    "ServiceRequest.performer",
                    null)));

    assertThat(rules.targetsFor(referral("housing", "Organization/demo-housing"))).hasSize(1);
  }

  @Test
  void unknownResourceTypeFailsNamingTheRule() {
    assertThatThrownBy(
            () ->
                RoutingRules.compile(
                    FHIR,
                    List.of(
                        rule(
                            "typo",
                            "ServiceRequets",
                            null,
                            null,
                            "ServiceRequets.performer",
                            null))))
        .isInstanceOf(InvalidRelayConfigurationException.class)
        .hasMessageContaining("continuum.relay.rules[0] (typo)")
        .hasMessageContaining("'ServiceRequets' is not a FHIR");
  }

  @Test
  void partnerPathOutsideTheResourceTypeFailsNamingTheRule() {
    assertThatThrownBy(
            () ->
                RoutingRules.compile(
                    FHIR,
                    List.of(
                        rule("ok", "Task", null, null, "Task.owner", null),
                        rule("wrong-type", "Task", null, null, "ServiceRequest.performer", null))))
        .isInstanceOf(InvalidRelayConfigurationException.class)
        .hasMessageContaining("continuum.relay.rules[1] (wrong-type)")
        .hasMessageContaining("must start with 'Task.'");
  }

  @Test
  void partnerPathThatIsNotAnElementFailsNamingTheRule() {
    assertThatThrownBy(
            () ->
                RoutingRules.compile(
                    FHIR, List.of(rule("no-such", "Task", null, null, "Task.recipient", null))))
        .isInstanceOf(InvalidRelayConfigurationException.class)
        .hasMessageContaining("(no-such)")
        .hasMessageContaining("'Task.recipient' is not an element of Task");
  }

  @Test
  void partnerPathThatIsNotAReferenceFailsNamingTheRule() {
    assertThatThrownBy(
            () ->
                RoutingRules.compile(
                    FHIR, List.of(rule("status", "Task", null, null, "Task.status", null))))
        .isInstanceOf(InvalidRelayConfigurationException.class)
        .hasMessageContaining("(status)")
        .hasMessageContaining("is not a Reference element");
  }

  @Test
  void categoryOnATypeWithoutCategoryFailsNamingTheRule() {
    assertThatThrownBy(
            () ->
                RoutingRules.compile(
                    FHIR, List.of(rule("task-cat", "Task", null, "housing", "Task.owner", null))))
        .isInstanceOf(InvalidRelayConfigurationException.class)
        .hasMessageContaining("(task-cat)")
        .hasMessageContaining("Task has no category element");
  }

  @Test
  void rulesWithoutNameOrWithRepeatedNamesFail() {
    assertThatThrownBy(
            () ->
                RoutingRules.compile(
                    FHIR, List.of(rule(null, "Task", null, null, "Task.owner", null))))
        .hasMessageContaining("continuum.relay.rules[0]")
        .hasMessageContaining("has no name");
    assertThatThrownBy(
            () ->
                RoutingRules.compile(
                    FHIR,
                    List.of(
                        rule("same", "Task", null, null, "Task.owner", null),
                        rule("same", "Task", null, null, "Task.requester", null))))
        .hasMessageContaining("continuum.relay.rules[1] (same)")
        .hasMessageContaining("repeats");
  }
}
