package org.continuumcare.profiles.packages;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * Serves our Questionnaires to HAPI's validator, so a QuestionnaireResponse is checked against its
 * Questionnaire (required items, unknown linkIds, answer types, answers outside the answer ValueSet
 * or options). HAPI's package support only serves StructureDefinitions, CodeSystems, ValueSets and
 * SearchParameters. Add it to the ValidationSupportChain next to the NpmPackageValidationSupport.
 */
public final class QuestionnaireValidationSupport implements IValidationSupport {

  private final FhirContext context;
  private final Map<String, Questionnaire> byUrl;

  public QuestionnaireValidationSupport(
      FhirContext context, Collection<? extends IBaseResource> questionnaires) {
    this.context = Objects.requireNonNull(context, "context");
    this.byUrl =
        questionnaires.stream()
            .map(Questionnaire.class::cast)
            .collect(Collectors.toUnmodifiableMap(Questionnaire::getUrl, Function.identity()));
  }

  /** The Questionnaires of the continuumcare.recovery package on the classpath. */
  public static QuestionnaireValidationSupport fromRecoveryPackage(FhirContext context) {
    return new QuestionnaireValidationSupport(
        context,
        FhirPackages.resources(context, FhirPackages.load(FhirPackages.RECOVERY), "Questionnaire"));
  }

  @Override
  public FhirContext getFhirContext() {
    return context;
  }

  @Override
  public String getName() {
    return "continuum-questionnaires";
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
    if (uri == null || (type != null && !type.isAssignableFrom(Questionnaire.class))) {
      return null;
    }
    int bar = uri.indexOf('|');
    Questionnaire questionnaire = byUrl.get(bar < 0 ? uri : uri.substring(0, bar));
    return (T) questionnaire;
  }
}
