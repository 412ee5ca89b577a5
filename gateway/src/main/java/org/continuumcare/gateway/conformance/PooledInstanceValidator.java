package org.continuumcare.gateway.conformance;

import ca.uhn.fhir.context.ConfigurationException;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.util.XmlUtil;
import ca.uhn.fhir.validation.IValidationContext;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r5.conformance.profile.ProfileUtilities;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.elementmodel.ParserBase;
import org.hl7.fhir.r5.elementmodel.ValidatedFragment;
import org.hl7.fhir.r5.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r5.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * HAPI's {@link FhirInstanceValidator} with the same settings and the same results, but without
 * building a new {@link InstanceValidator} for every call. HAPI's {@code ValidatorWrapper} builds
 * one per call, and each build reads the 1.5 MB OID registry ({@code oidregistry.csv}) and makes a
 * FHIRPath engine: about half the CPU of storing an assessment (bench/RESULTS.md). An {@code
 * InstanceValidator} is meant to be used again ({@code validate} clears its per-resource state
 * first) but by one thread at a time, and it keeps a little of every resource it saw (codings,
 * narratives); so validators are lent from a small pool to one caller at a time, and each is
 * retired after {@link #MAX_USES} validations, which bounds what it can hold on to. Clearing the
 * validation caches ({@link #invalidateCaches()}) retires every pooled validator, so a changed
 * profile is never judged by a validator that looked up the old one.
 */
public final class PooledInstanceValidator extends FhirInstanceValidator {

  /** Validations one InstanceValidator serves before it is replaced. */
  static final int MAX_USES = 64;

  private final BlockingQueue<Lent> idle;
  private final AtomicInteger generation = new AtomicInteger();
  private final AtomicInteger built = new AtomicInteger();
  private final AtomicLong validations = new AtomicLong();

  /** A pool with room for one idle validator per core: the most that can run at once anyway. */
  public PooledInstanceValidator(FhirInstanceValidator configured) {
    this(configured, Math.max(2, Runtime.getRuntime().availableProcessors()));
  }

  PooledInstanceValidator(FhirInstanceValidator configured, int poolSize) {
    super(configured.getValidationSupport());
    setWrappedWorkerContext(configured.getValidationSupport(), configured.getWorkerContext());
    setAnyExtensionsAllowed(configured.isAnyExtensionsAllowed());
    if (configured.getBestPracticeWarningLevel() != null) {
      setBestPracticeWarningLevel(configured.getBestPracticeWarningLevel());
    }
    setErrorForUnknownProfiles(configured.isErrorForUnknownProfiles());
    setNoTerminologyChecks(configured.isNoTerminologyChecks());
    setNoExtensibleWarnings(configured.isNoExtensibleWarnings());
    setNoBindingMsgSuppressed(configured.isNoBindingMsgSuppressed());
    setCustomExtensionDomains(List.copyOf(configured.getExtensionDomains()));
    setValidatorPolicyAdvisor(configured.getValidatorPolicyAdvisor());
    setValidatorResourceFetcher(configured.getValidatorResourceFetcher());
    setAssumeValidRestReferences(configured.isAssumeValidRestReferences());
    setAllowExamples(configured.isAllowExamples());
    setHostApplicationServices(configured.getHostApplicationServices());
    this.idle = new ArrayBlockingQueue<>(poolSize);
  }

  @Override
  protected List<ValidationMessage> validate(IValidationContext<?> context) {
    IWorkerContext worker = provideWorkerContext();
    Lent lent = borrow(worker);
    validations.incrementAndGet();
    try {
      return validateWith(lent, context);
    } finally {
      giveBack(lent);
    }
  }

  @Override
  public void invalidateCaches() {
    generation.incrementAndGet();
    idle.clear();
    super.invalidateCaches();
  }

  /**
   * How many InstanceValidators this module has built so far (each build reads the OID registry).
   */
  int validatorsBuilt() {
    return built.get();
  }

  /** How many validations this module has run so far. */
  long validationsRun() {
    return validations.get();
  }

  private Lent borrow(IWorkerContext worker) {
    Lent lent = idle.poll();
    while (lent != null && (lent.generation() != generation.get() || lent.worker() != worker)) {
      lent = idle.poll();
    }
    return lent != null
        ? lent.used()
        : new Lent(
            newInstanceValidator(worker),
            new ProfileUtilities(worker, null, null, new FHIRPathEngine(worker)),
            worker,
            generation.get(),
            1);
  }

  private void giveBack(Lent lent) {
    if (lent.uses() < MAX_USES && lent.generation() == generation.get()) {
      idle.offer(lent);
    }
  }

  /** As HAPI's ValidatorWrapper configures it for each call; here once per validator. */
  private InstanceValidator newInstanceValidator(IWorkerContext worker) {
    IHostApplicationServices host =
        getHostApplicationServices() != null
            ? getHostApplicationServices()
            : new FhirInstanceValidator.NullEvaluationContext();
    InstanceValidator validator;
    try {
      validator =
          new InstanceValidator(
              worker,
              host,
              new XVerExtensionManagerOld(worker),
              new ValidatorSession(),
              new ValidatorSettings());
    } catch (Exception e) {
      throw new ConfigurationException(
          "Could not build the FHIR instance validator: " + e.getMessage(), e);
    }
    validator.setAssumeValidRestReferences(isAssumeValidRestReferences());
    validator.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
    validator.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
    validator.setResourceIdRule(IdStatus.OPTIONAL);
    validator.setNoTerminologyChecks(isNoTerminologyChecks());
    validator.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
    // As HAPI: fixed, because of how it interacts with UnknownCodeSystemWarningValidationSupport.
    validator.setUnknownCodeSystemsCauseErrors(true);
    validator.getExtensionDomains().addAll(getExtensionDomains());
    validator.setFetcher(getValidatorResourceFetcher());
    validator.setPolicyAdvisor(getValidatorPolicyAdvisor());
    validator.setNoExtensibleWarnings(isNoExtensibleWarnings());
    validator.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
    validator.setAllowExamples(isAllowExamples());
    validator.setAllowXsiLocation(true);
    built.incrementAndGet();
    return validator;
  }

  /** The body of HAPI's ValidatorWrapper#validate (8.8.0), with the validator passed in. */
  private List<ValidationMessage> validateWith(Lent lent, IValidationContext<?> context) {
    InstanceValidator validator = lent.validator();
    IWorkerContext worker = lent.worker();
    List<ValidationMessage> messages = new ArrayList<>();
    List<StructureDefinition> profiles = new ArrayList<>();
    List<ValidationMessage> unknownProfiles = new ArrayList<>();
    for (String url : context.getOptions().getProfiles()) {
      addProfile(worker, profiles, url, unknownProfiles);
    }
    String input = context.getResourceAsString();
    EncodingEnum encoding = context.getResourceAsStringEncoding();
    if (encoding == EncodingEnum.XML) {
      ByteArrayInputStream stream = utf8(input);
      Document document;
      try {
        document = XmlUtil.parseDocument(input);
      } catch (Exception e) {
        ValidationMessage message = new ValidationMessage();
        message.setLevel(ValidationMessage.IssueSeverity.FATAL);
        message.setMessage(
            "Failed to parse input, it does not appear to be valid XML:" + e.getMessage());
        messages.add(message);
        return messages;
      }
      for (String url : xmlMetaProfiles(document)) {
        addProfile(worker, profiles, url, unknownProfiles);
      }
      validator.validate(null, messages, stream, Manager.FhirFormat.XML, profiles);
    } else if (encoding == EncodingEnum.JSON) {
      JsonObject meta = JsonParser.parseString(input).getAsJsonObject().getAsJsonObject("meta");
      JsonElement metaProfiles = meta == null ? null : meta.get("profile");
      if (metaProfiles != null && metaProfiles.isJsonArray()) {
        for (JsonElement url : (JsonArray) metaProfiles) {
          addProfile(worker, profiles, url.getAsString(), unknownProfiles);
        }
      }
      validateJson(lent, context.getOptions().getAppContext(), messages, input, profiles);
    } else {
      throw new IllegalArgumentException("Unknown encoding: " + encoding);
    }
    if (profiles.isEmpty() && !unknownProfiles.isEmpty()) {
      messages.addAll(unknownProfiles);
    }
    List<ValidationMessage> kept = new ArrayList<>(messages.size());
    for (ValidationMessage message : messages) {
      String id = message.getMessageId();
      boolean dropped =
          id != null
              && (id.equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE)
                  || (id.equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
                      && message.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes")));
      if (dropped) {
        continue;
      }
      if (I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(id)
          || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(id)) {
        message.setLevel(
            isErrorForUnknownProfiles()
                ? ValidationMessage.IssueSeverity.ERROR
                : ValidationMessage.IssueSeverity.WARNING);
      }
      kept.add(message);
    }
    return kept;
  }

  /**
   * {@code InstanceValidator.validate(appContext, errors, stream, JSON, profiles)}, step for step,
   * but parsing with the element-model parser's definitions helper ({@link ProfileUtilities} and
   * its FHIRPath engine) that this validator keeps, instead of a new one per call (the stock method
   * makes a new parser, and with it a new FHIRPath engine, for every resource). Logical models and
   * implied profiles, which our profiles never are, take the stock path unchanged.
   */
  private static void validateJson(
      Lent lent,
      Object appContext,
      List<ValidationMessage> messages,
      String input,
      List<StructureDefinition> profiles) {
    InstanceValidator validator = lent.validator();
    boolean logical =
        profiles.stream().anyMatch(sd -> sd.getKind() == StructureDefinitionKind.LOGICAL);
    if (logical) {
      validator.validate(appContext, messages, utf8(input), Manager.FhirFormat.JSON, profiles);
      return;
    }
    org.hl7.fhir.r5.elementmodel.JsonParser parser =
        new org.hl7.fhir.r5.elementmodel.JsonParser(lent.worker(), lent.parserDefinitions());
    parser.setupValidation(ParserBase.ValidationPolicy.EVERYTHING);
    parser.setAllowComments(validator.isAllowComments());
    parser.setSignatureServices(validator.getSignatureServices());
    List<ValidatedFragment> fragments;
    try {
      fragments = parser.parse(utf8(input));
    } catch (IOException e) {
      throw new FHIRException(e);
    }
    if (parser.getImpliedProfile() != null) {
      validator.validate(appContext, messages, utf8(input), Manager.FhirFormat.JSON, profiles);
      return;
    }
    validator.validatedContent = fragments;
    if (fragments == null) {
      return;
    }
    for (ValidatedFragment fragment : fragments) {
      if (fragment.getElement() != null) {
        validator.validate(
            appContext,
            fragment.getErrors(),
            fragments.size() > 1 ? fragment.path() : null,
            fragment.getElement(),
            profiles);
      }
      messages.addAll(fragment.getErrors());
    }
  }

  private static ByteArrayInputStream utf8(String input) {
    return new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
  }

  private static void addProfile(
      IWorkerContext worker,
      List<StructureDefinition> profiles,
      String url,
      List<ValidationMessage> unknown) {
    try {
      StructureDefinition definition = worker.fetchResource(StructureDefinition.class, url);
      if (definition != null) {
        profiles.add(definition);
      } else {
        ValidationMessage message = new ValidationMessage();
        message.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
        message.setLevel(ValidationMessage.IssueSeverity.ERROR);
        message.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
        unknown.add(message);
      }
    } catch (FHIRException e) {
      // As HAPI: a profile that cannot be loaded is left out (the validator reports what it
      // misses).
    }
  }

  private static List<String> xmlMetaProfiles(Document document) {
    List<String> urls = new ArrayList<>();
    NodeList children = document.getChildNodes().item(0).getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i).getNodeName().equalsIgnoreCase("meta")) {
        NodeList meta = children.item(i).getChildNodes();
        for (int j = 0; j < meta.getLength(); j++) {
          if (meta.item(j).getNodeName().equalsIgnoreCase("profile")) {
            urls.add(meta.item(j).getAttributes().item(0).getNodeValue());
          }
        }
        break;
      }
    }
    return urls;
  }

  /**
   * A validator on loan, with the definitions helper its parser uses, the worker context and cache
   * generation they were built for. Neither is shared between threads: one caller at a time.
   */
  private record Lent(
      InstanceValidator validator,
      ProfileUtilities parserDefinitions,
      IWorkerContext worker,
      int generation,
      int uses) {
    Lent used() {
      return new Lent(validator, parserDefinitions, worker, generation, uses + 1);
    }
  }
}
