package org.continuumcare.gateway.views;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import org.continuumcare.gateway.consent.ConsentFixtures;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * Two people released from prison with a MOUD record each (SUD-labelled at storage, source program
 * demo-prison); one consented to disclosure to the gateway's analysts (HOPERAT), the other did not.
 * Both are members of one Group, so runs and exports can be narrowed to them.
 */
record SudPopulation(String consented, String unconsented, String group) {

  static final String MOUD_VIEW =
      """
      {"resourceType":"ViewDefinition","name":"moud","resource":"MedicationStatement","select":[{"column":[
        {"name":"id","path":"getResourceKey()"},
        {"name":"patient","path":"subject.getReferenceKey(Patient)"},
        {"name":"medication","path":"medication.ofType(CodeableConcept).text","type":"string"}]}]}""";

  static SudPopulation create(IGenericClient admin, String system) {
    for (String id :
        List.of(
            "demo-prison",
            "demo-treatment",
            "demo-housing",
            "demo-employment",
            "continuum-gateway")) {
      Organization organization = new Organization().setName(id).setActive(true);
      organization.setId(id);
      admin.update().resource(organization).execute();
    }
    String consented = patient(admin, system, "consented");
    String unconsented = patient(admin, system, "unconsented");
    moud(admin, consented);
    moud(admin, unconsented);
    Consent consent =
        ConsentFixtures.consent(
            consented,
            "2026-01-01",
            "2099-12-31",
            new String[] {"Organization/continuum-gateway"},
            "HOPERAT");
    consent.getOrganizationFirstRep().setReference("Organization/demo-prison");
    admin.create().resource(consent).execute();
    Group both = new Group().setType(Group.GroupType.PERSON).setActual(true);
    both.addMember().setEntity(new Reference("Patient/" + consented));
    both.addMember().setEntity(new Reference("Patient/" + unconsented));
    String group = admin.create().resource(both).execute().getId().getIdPart();
    return new SudPopulation(consented, unconsented, group);
  }

  static String patient(IGenericClient admin, String system, String value) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(system).setValue(value);
    patient.addName().setFamily("Reyes").addGiven(value);
    patient.addContact().addTelecom().setValue("contact-phone-" + value);
    return admin.create().resource(patient).execute().getId().getIdPart();
  }

  private static void moud(IGenericClient admin, String patientId) {
    MedicationStatement statement =
        new MedicationStatement()
            .setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE)
            .setMedication(new CodeableConcept().setText("Buprenorphine/naloxone 8 mg/2 mg"))
            .setSubject(new Reference("Patient/" + patientId))
            .setInformationSource(new Reference("Organization/demo-prison"));
    admin.create().resource(statement).execute();
  }
}
