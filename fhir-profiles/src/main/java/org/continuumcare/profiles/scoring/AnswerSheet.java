package org.continuumcare.profiles.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The answers to one instrument after checking them against its definition: every problem named by
 * item, numeric values by item code, and the required items left unanswered (in instrument order).
 */
final class AnswerSheet {

  private final List<ItemProblem> problems;
  private final Map<String, Integer> values;
  private final List<String> missing;

  private AnswerSheet(
      List<ItemProblem> problems, Map<String, Integer> values, List<String> missing) {
    this.problems = List.copyOf(problems);
    this.values = Map.copyOf(values);
    this.missing = List.copyOf(missing);
  }

  static AnswerSheet check(InstrumentDefinition definition, Collection<? extends Answer> answers) {
    List<ItemProblem> problems = new ArrayList<>();
    Map<String, Integer> values = new HashMap<>();
    Set<String> answered = new HashSet<>();
    for (Answer answer : answers) {
      String code = answer.itemCode();
      Optional<ItemSpec> spec = definition.item(code);
      if (spec.isEmpty()) {
        problems.add(
            new ItemProblem(
                code,
                ItemProblem.Kind.UNKNOWN_ITEM,
                "item " + code + " is not part of " + definition.instrument()));
        continue;
      }
      if (!answered.add(code)) {
        problems.add(
            new ItemProblem(
                code,
                ItemProblem.Kind.DUPLICATE_ANSWER,
                "item " + code + " is answered more than once"));
        continue;
      }
      checkOne(spec.get(), answer, problems, values);
    }
    List<String> missing =
        definition.items().stream()
            .filter(ItemSpec::required)
            .map(ItemSpec::code)
            .filter(code -> !answered.contains(code))
            .toList();
    return new AnswerSheet(problems, values, missing);
  }

  private static void checkOne(
      ItemSpec spec, Answer answer, List<ItemProblem> problems, Map<String, Integer> values) {
    String code = spec.code();
    if (spec.kind() == ItemSpec.Kind.TEXT) {
      if (!(answer instanceof Answer.Text)) {
        problems.add(wrongType(code, "text", answer));
      }
      return;
    }
    if (!(answer instanceof Answer.Numeric numeric)) {
      problems.add(wrongType(code, "an integer " + spec.min() + ".." + spec.max(), answer));
      return;
    }
    if (numeric.value() < spec.min() || numeric.value() > spec.max()) {
      problems.add(
          new ItemProblem(
              code,
              ItemProblem.Kind.OUT_OF_RANGE,
              "item "
                  + code
                  + " answer "
                  + numeric.value()
                  + " is outside "
                  + spec.min()
                  + ".."
                  + spec.max()));
      return;
    }
    values.put(code, numeric.value());
  }

  private static ItemProblem wrongType(String code, String expected, Answer answer) {
    String actual =
        answer instanceof Answer.Other other
            ? other.typeName()
            : answer instanceof Answer.Text ? "text" : "a number";
    return new ItemProblem(
        code,
        ItemProblem.Kind.WRONG_TYPE,
        "item " + code + " expects " + expected + " but the answer is " + actual);
  }

  List<ItemProblem> problems() {
    return problems;
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  List<String> missing() {
    return missing;
  }

  boolean complete() {
    return missing.isEmpty();
  }

  boolean allAnswered(Collection<String> codes) {
    return values.keySet().containsAll(codes);
  }

  int value(String code) {
    Integer value = values.get(code);
    if (value == null) {
      throw new IllegalStateException("item " + code + " has no numeric answer");
    }
    return value;
  }

  int sum(Collection<String> codes) {
    return codes.stream().mapToInt(this::value).sum();
  }
}
