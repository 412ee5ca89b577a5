package org.continuumcare.gateway.input;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.jpa.searchparam.util.JpaParamUtil;
import ca.uhn.fhir.model.api.IQueryParameterAnd;
import ca.uhn.fhir.model.api.IQueryParameterOr;
import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.QualifiedParamList;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.param.CompositeParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.NumberParam;
import ca.uhn.fhir.rest.param.QuantityParam;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry.SearchParamLookupContextEnum;
import ca.uhn.fhir.util.UrlUtil;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.DateTimeType;

/**
 * Reads every search parameter value of a request the way HAPI will, before HAPI does, so a value
 * that cannot be read is refused naming the parameter and the value instead of failing deep inside
 * the search (HAPI raises {@link DataFormatException}, {@link NumberFormatException} or a database
 * error there, which reach the caller as a 500). Covers the parameters registered for the resource
 * type (dates, numbers, quantities, composites and the rest), {@code _lastUpdated}, the history
 * parameters {@code _since} and {@code _at}, and the paging integers, which must not be negative.
 * Numbers must also fit the index: at most {@value #MAX_DIGITS} digits and a magnitude within
 * 10<sup>±{@value #MAX_EXPONENT}</sup>.
 *
 * <p>Chained parameters ({@code subject.birthdate}) name another type's parameter and are left to
 * HAPI; a value it then fails to read is still a 400 (see {@code ErrorResponseInterceptor}).
 */
final class SearchParameterValues {

  static final int MAX_DIGITS = 100;
  static final int MAX_EXPONENT = 100;

  private static final Set<String> NON_NEGATIVE_INTEGERS =
      Set.of("_count", "_offset", "_getpagesoffset");
  private static final String PREFIXES = "eq, ne, gt, lt, ge, le, sa, eb or ap";

  private final FhirContext fhirContext;
  private final ISearchParamRegistry registry;

  SearchParameterValues(FhirContext fhirContext, ISearchParamRegistry registry) {
    this.fhirContext = fhirContext;
    this.registry = registry;
  }

  /**
   * The first value among {@code parameters} (as a servlet hands them over: name with any modifier,
   * raw values) that cannot be read; {@code resourceType} may be null (system level).
   */
  Optional<String> problem(String resourceType, Map<String, String[]> parameters) {
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      for (String value : parameter.getValue()) {
        Optional<String> problem = problem(resourceType, parameter.getKey(), value);
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The first unreadable value of a match URL ({@code Patient?birthdate=...}, or only the query as
   * in {@code If-None-Exist}); a URL without a type takes {@code defaultType}.
   */
  Optional<String> problemInMatchUrl(String defaultType, String matchUrl) {
    int query = matchUrl.indexOf('?');
    String type = defaultType;
    if (query >= 0) {
      String path = matchUrl.substring(0, query);
      path = path.startsWith("/") ? path.substring(1) : path;
      type = path.isEmpty() ? defaultType : path;
    }
    if (type != null && !fhirContext.getResourceTypes().contains(type)) {
      return Optional.empty(); // HAPI names the unknown type itself
    }
    return problem(
        type, UrlUtil.parseQueryString(query >= 0 ? matchUrl.substring(query + 1) : matchUrl));
  }

  private Optional<String> problem(String resourceType, String nameWithModifier, String rawValue) {
    int modifierAt = indexOfModifier(nameWithModifier);
    String name = modifierAt < 0 ? nameWithModifier : nameWithModifier.substring(0, modifierAt);
    String modifier = modifierAt < 0 ? null : nameWithModifier.substring(modifierAt);
    if (rawValue == null || rawValue.isEmpty()) {
      return Optional.empty();
    }
    if (NON_NEGATIVE_INTEGERS.contains(name)) {
      return nonNegativeInteger(name, rawValue);
    }
    if ("_since".equals(name)) {
      return instant(name, rawValue);
    }
    if ("_lastUpdated".equals(name) || "_at".equals(name)) {
      return readEach(
          name,
          modifier,
          rawValue,
          "date",
          token ->
              new DateRangeParam()
                  .setValuesAsQueryTokens(
                      fhirContext, name, List.of(QualifiedParamList.singleton(modifier, token))));
    }
    if (resourceType == null
        || name.startsWith("_")
        || (modifier != null && modifier.contains("."))) {
      return Optional.empty();
    }
    RuntimeSearchParam definition =
        registry.getActiveSearchParam(resourceType, name, SearchParamLookupContextEnum.SEARCH);
    if (definition == null) {
      return Optional.empty(); // HAPI refuses unknown parameters with their name
    }
    String type = definition.getParamType().getCode();
    return readEach(
        name,
        modifier,
        rawValue,
        type,
        token ->
            checkNumbers(
                JpaParamUtil.parseQueryParams(
                    registry,
                    fhirContext,
                    definition,
                    name,
                    List.of(QualifiedParamList.singleton(modifier, token)))));
  }

  /**
   * Reads each comma-separated alternative of {@code rawValue} on its own, so the message names the
   * bad one.
   */
  private Optional<String> readEach(
      String name, String modifier, String rawValue, String type, ValueReader reader) {
    for (String token :
        QualifiedParamList.splitQueryStringByCommasIgnoreEscape(modifier, rawValue)) {
      if (token == null || token.isEmpty()) {
        continue;
      }
      try {
        reader.read(token);
      } catch (DataFormatException
          | IllegalArgumentException
          | DateTimeException
          | ArithmeticException e) {
        // NumberFormatException is an IllegalArgumentException.
        return Optional.of(describe(name, type, token, e.getMessage()));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> nonNegativeInteger(String name, String value) {
    try {
      if (Integer.parseInt(value) >= 0) {
        return Optional.empty();
      }
    } catch (NumberFormatException notAnInteger) {
      // described below
    }
    return Optional.of(
        "Invalid value \""
            + value
            + "\" for search parameter '"
            + name
            + "': expected a whole number from 0 to "
            + Integer.MAX_VALUE);
  }

  private static Optional<String> instant(String name, String value) {
    try {
      new DateTimeType(value);
      return Optional.empty();
    } catch (DataFormatException | IllegalArgumentException e) {
      return Optional.of(describe(name, "date", value, e.getMessage()));
    }
  }

  private static void checkNumbers(IQueryParameterAnd<?> parsed) {
    for (IQueryParameterOr<?> alternatives : parsed.getValuesAsQueryTokens()) {
      for (IQueryParameterType value : alternatives.getValuesAsQueryTokens()) {
        checkNumber(value);
      }
    }
  }

  private static void checkNumber(IQueryParameterType value) {
    BigDecimal number = null;
    if (value instanceof NumberParam numberParam) {
      number = numberParam.getValue();
    } else if (value instanceof QuantityParam quantity) {
      number = quantity.getValue();
    } else if (value instanceof CompositeParam<?, ?> composite) {
      checkNumber(composite.getLeftValue());
      checkNumber(composite.getRightValue());
    }
    if (number != null && number.signum() != 0) {
      int exponent = number.precision() - number.scale() - 1;
      if (number.precision() > MAX_DIGITS || Math.abs(exponent) > MAX_EXPONENT) {
        throw new IllegalArgumentException(
            "numbers may have at most "
                + MAX_DIGITS
                + " digits and a magnitude between 1e-"
                + MAX_EXPONENT
                + " and 1e"
                + MAX_EXPONENT);
      }
    }
  }

  private static String describe(String name, String type, String value, String reason) {
    StringBuilder message =
        new StringBuilder("Invalid value \"")
            .append(value)
            .append("\" for search parameter '")
            .append(name)
            .append("' (")
            .append(type)
            .append("): ")
            .append(withoutHapiCode(reason));
    String expected = expected(type);
    if (!expected.isEmpty()) {
      message.append(". Expected ").append(expected);
    }
    return message.toString();
  }

  private static String expected(String type) {
    if (RestSearchParameterTypeEnum.DATE.getCode().equals(type)) {
      return "YYYY, YYYY-MM, YYYY-MM-DD or a date-time with time zone (2026-01-31T13:45:00Z), "
          + "optionally after a prefix ("
          + PREFIXES
          + ")";
    }
    if (RestSearchParameterTypeEnum.NUMBER.getCode().equals(type)) {
      return "a decimal number such as 0.75, optionally after a prefix (" + PREFIXES + ")";
    }
    if (RestSearchParameterTypeEnum.QUANTITY.getCode().equals(type)) {
      return "[prefix]number[|system|code], e.g. gt5.4|http://unitsofmeasure.org|mg";
    }
    return "";
  }

  private static String withoutHapiCode(String message) {
    return message == null ? "unreadable" : message.replaceFirst("^HAPI-\\d+: ", "");
  }

  /** Where the modifier or chain of a parameter name starts ({@code :} or {@code .}), or -1. */
  private static int indexOfModifier(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == ':' || name.charAt(i) == '.') {
        return i;
      }
    }
    return -1;
  }

  @FunctionalInterface
  private interface ValueReader {
    void read(String token);
  }
}
