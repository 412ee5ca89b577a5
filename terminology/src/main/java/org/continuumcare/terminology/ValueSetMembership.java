package org.continuumcare.terminology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetFilterComponent;

/**
 * Whether a code is in one of the package's ValueSets, from the ValueSet's definition ({@code
 * compose}), without a terminology server. What it evaluates:
 *
 * <ul>
 *   <li>enumerated concepts ({@code include.concept});
 *   <li>a whole code system ({@code include.system} alone): every code of it, checked against the
 *       CodeSystem when the package defines it;
 *   <li>other ValueSets of the package ({@code include.valueSet});
 *   <li>filter {@code concept is-a} (and {@code descendent-of}) on ICD-10 and ICD-10-CM, whose
 *       hierarchy is the code's prefix ({@code F10} is-a-parent of {@code F10.20}; dots are
 *       ignored);
 *   <li>filter {@code code regex} on any system (the whole code must match);
 *   <li>{@code exclude} of all of the above.
 * </ul>
 *
 * Any other filter (e.g. SNOMED CT {@code is-a}, which needs the SNOMED hierarchy) makes the
 * ValueSet unusable here: asking about it throws {@link IllegalStateException} naming the ValueSet
 * and the filter, so such a ValueSet enumerates its SNOMED concepts instead. ValueSets are compiled
 * on first use; immutable and thread-safe afterwards.
 */
public final class ValueSetMembership {

  /** Code systems whose is-a hierarchy is the code prefix. */
  static final Set<String> PREFIX_HIERARCHIES =
      Set.of("http://hl7.org/fhir/sid/icd-10-cm", "http://hl7.org/fhir/sid/icd-10");

  private final TerminologyPackage terminology;
  private final Map<String, Matcher> compiled = new ConcurrentHashMap<>();

  public ValueSetMembership(TerminologyPackage terminology) {
    this.terminology = Objects.requireNonNull(terminology, "terminology");
  }

  /** The membership test over the package shipped in this jar, built on first use. */
  public static ValueSetMembership shared() {
    return Shared.INSTANCE;
  }

  /**
   * Whether {@code system|code} is in the ValueSet.
   *
   * @param valueSet canonical URL or id of a ValueSet of the package
   * @throws UnknownValueSetException when the package has no such ValueSet
   * @throws IllegalStateException when its definition uses something this class does not evaluate
   */
  public boolean contains(String valueSet, String system, String code) {
    if (system == null || code == null) {
      return false;
    }
    return matcher(valueSet).test(system, code);
  }

  /**
   * Checks that the ValueSet exists and can be evaluated (for startup checks of configuration).
   *
   * @return its canonical URL
   * @throws UnknownValueSetException when the package has no such ValueSet
   * @throws IllegalStateException when its definition uses something this class does not evaluate
   */
  public String require(String valueSet) {
    matcher(valueSet);
    return resolve(valueSet).getUrl();
  }

  private Matcher matcher(String valueSet) {
    String url = resolve(valueSet).getUrl();
    Matcher matcher = compiled.get(url);
    if (matcher == null) {
      matcher = compile(url, new ArrayDeque<>());
      compiled.putIfAbsent(url, matcher);
    }
    return matcher;
  }

  private ValueSet resolve(String valueSet) {
    return terminology
        .valueSet(valueSet)
        .or(() -> terminology.valueSet(ContinuumTerminology.VALUE_SET_BASE + valueSet))
        .orElseThrow(() -> new UnknownValueSetException(valueSet));
  }

  private Matcher compile(String url, Deque<String> path) {
    if (path.contains(url)) {
      throw new IllegalStateException("ValueSet " + url + " includes itself through " + path);
    }
    path.push(url);
    try {
      ValueSet valueSet = resolve(url);
      List<BiPredicate<String, String>> includes = new ArrayList<>();
      for (ConceptSetComponent include : valueSet.getCompose().getInclude()) {
        includes.add(part(url, include, path));
      }
      List<BiPredicate<String, String>> excludes = new ArrayList<>();
      for (ConceptSetComponent exclude : valueSet.getCompose().getExclude()) {
        excludes.add(part(url, exclude, path));
      }
      return new Matcher(List.copyOf(includes), List.copyOf(excludes));
    } finally {
      path.pop();
    }
  }

  /**
   * One include or exclude: the intersection of its system part and its valueSet part, as FHIR
   * defines it.
   */
  private BiPredicate<String, String> part(
      String url, ConceptSetComponent set, Deque<String> path) {
    List<BiPredicate<String, String>> all = new ArrayList<>();
    set.getValueSet().forEach(vs -> all.add(compile(resolve(vs.getValue()).getUrl(), path)));
    if (set.hasSystem()) {
      all.add(systemPart(url, set));
    } else if (set.hasConcept() || set.hasFilter()) {
      throw new IllegalStateException("ValueSet " + url + ": concepts or filters without a system");
    }
    if (all.isEmpty()) {
      throw new IllegalStateException(
          "ValueSet " + url + ": an include/exclude with neither system nor valueSet");
    }
    return (system, code) -> all.stream().allMatch(p -> p.test(system, code));
  }

  private BiPredicate<String, String> systemPart(String url, ConceptSetComponent set) {
    String system = set.getSystem();
    List<BiPredicate<String, String>> conditions = new ArrayList<>();
    if (set.hasConcept()) {
      Set<String> codes = new HashSet<>();
      set.getConcept().forEach(c -> codes.add(c.getCode()));
      conditions.add((s, code) -> codes.contains(code));
    }
    for (ConceptSetFilterComponent filter : set.getFilter()) {
      conditions.add(filter(url, system, filter));
    }
    if (conditions.isEmpty()) {
      CodeSystem ours = terminology.codeSystem(system).orElse(null);
      if (ours != null) {
        Set<String> codes = new HashSet<>();
        collect(ours.getConcept(), codes);
        conditions.add((s, code) -> codes.contains(code));
      }
    }
    return (s, code) -> system.equals(s) && conditions.stream().allMatch(c -> c.test(s, code));
  }

  private static BiPredicate<String, String> filter(
      String url, String system, ConceptSetFilterComponent filter) {
    String op = filter.getOp() == null ? null : filter.getOp().toCode();
    String property = filter.getProperty();
    String value = filter.getValue();
    if ("concept".equals(property)
        && ("is-a".equals(op) || "descendent-of".equals(op))
        && PREFIX_HIERARCHIES.contains(system)) {
      String parent = normalise(value);
      boolean self = "is-a".equals(op);
      return (s, code) -> {
        String child = normalise(code);
        return child.startsWith(parent) && (self || child.length() > parent.length());
      };
    }
    if ("code".equals(property) && "regex".equals(op)) {
      try {
        Pattern pattern = Pattern.compile(value);
        return (s, code) -> pattern.matcher(code).matches();
      } catch (PatternSyntaxException e) {
        throw new IllegalStateException("ValueSet " + url + ": invalid regex " + value, e);
      }
    }
    throw new IllegalStateException(
        "ValueSet "
            + url
            + ": filter '"
            + property
            + " "
            + op
            + " "
            + value
            + "' on "
            + system
            + " cannot be evaluated without a terminology server; enumerate the concepts");
  }

  private static String normalise(String icdCode) {
    return icdCode.replace(".", "").trim().toUpperCase(Locale.ROOT);
  }

  private static void collect(
      List<CodeSystem.ConceptDefinitionComponent> concepts, Set<String> codes) {
    for (CodeSystem.ConceptDefinitionComponent concept : concepts) {
      codes.add(concept.getCode());
      collect(concept.getConcept(), codes);
    }
  }

  private record Matcher(
      List<BiPredicate<String, String>> includes, List<BiPredicate<String, String>> excludes)
      implements BiPredicate<String, String> {

    @Override
    public boolean test(String system, String code) {
      return includes.stream().anyMatch(p -> p.test(system, code))
          && excludes.stream().noneMatch(p -> p.test(system, code));
    }
  }

  private static final class Shared {
    private static final ValueSetMembership INSTANCE =
        new ValueSetMembership(TerminologyPackage.shared());
  }
}
