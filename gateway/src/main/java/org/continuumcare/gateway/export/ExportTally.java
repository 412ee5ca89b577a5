package org.continuumcare.gateway.export;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What one export wrote and withheld so far, by resource type (counts only, never resources). */
final class ExportTally {

  private final Map<String, LongAdder> exported = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> withheld = new ConcurrentHashMap<>();

  void exported(String type) {
    exported.computeIfAbsent(type, key -> new LongAdder()).increment();
  }

  void withheld(String type) {
    withheld.computeIfAbsent(type, key -> new LongAdder()).increment();
  }

  Map<String, Long> exportedByType() {
    return snapshot(exported);
  }

  Map<String, Long> withheldByType() {
    return snapshot(withheld);
  }

  static long total(Map<String, Long> byType) {
    return byType.values().stream().mapToLong(Long::longValue).sum();
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((type, count) -> copy.put(type, count.sum()));
    return copy;
  }
}
