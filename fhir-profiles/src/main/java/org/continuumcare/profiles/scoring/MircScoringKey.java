package org.continuumcare.profiles.scoring;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The MIRC scoring chart: which seven items form each capital subscale (social, physical, human,
 * cultural) and which items are reverse-scored (a reverse-scored answer x counts as 5 - x), with
 * where the chart was checked.
 *
 * <p>We could not verify the published chart (Bowen et al. 2023, supplementary material) while
 * building this module (see fhir-profiles/README.md), so none ships with it: {@link #UNVERIFIED}
 * makes the MIRC scorer check the answers and then answer {@link ScoringResult.NotScored} instead
 * of printing numbers that may be wrong. A deployment that holds the published chart builds a key
 * with {@link #verified(Map, Set, String)}.
 */
public record MircScoringKey(
    Map<String, List<String>> subscales,
    Set<String> reverseScoredItems,
    boolean verified,
    String source) {

  /** No verified chart available: MIRC answers are checked but not scored. */
  public static final MircScoringKey UNVERIFIED =
      new MircScoringKey(
          Map.of(),
          Set.of(),
          false,
          "MIRC scoring chart (subscale items, reverse-scored items) not verified against Bowen et al. 2023");

  public MircScoringKey {
    Objects.requireNonNull(source, "source");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    subscales.forEach((dimension, items) -> copy.put(dimension, List.copyOf(items)));
    subscales = Map.copyOf(copy);
    reverseScoredItems = Set.copyOf(reverseScoredItems);
    for (String item : reverseScoredItems) {
      if (!MircScorer.ITEMS.contains(item)) {
        throw new IllegalArgumentException("not a MIRC item: " + item);
      }
    }
    if (verified) {
      checkPartition(subscales);
    }
  }

  /** A chart checked against the published one; {@code source} says where it was checked. */
  public static MircScoringKey verified(
      Map<String, List<String>> subscales, Set<String> reverseScoredItems, String source) {
    return new MircScoringKey(subscales, reverseScoredItems, true, source);
  }

  private static void checkPartition(Map<String, List<String>> subscales) {
    if (!subscales.keySet().equals(Set.copyOf(RecoveryCapitalCodes.DIMENSIONS))) {
      throw new IllegalArgumentException(
          "MIRC subscales must be exactly "
              + RecoveryCapitalCodes.DIMENSIONS
              + " but are "
              + subscales.keySet());
    }
    Set<String> seen = new HashSet<>();
    subscales.forEach(
        (dimension, items) -> {
          if (items.size() != 7) {
            throw new IllegalArgumentException(
                "MIRC subscale " + dimension + " needs 7 items, has " + items.size());
          }
          for (String item : items) {
            if (!MircScorer.ITEMS.contains(item) || !seen.add(item)) {
              throw new IllegalArgumentException(
                  "MIRC subscale " + dimension + ": bad or repeated item " + item);
            }
          }
        });
  }

  int points(String item, int answer) {
    return reverseScoredItems.contains(item) ? 5 - answer : answer;
  }
}
