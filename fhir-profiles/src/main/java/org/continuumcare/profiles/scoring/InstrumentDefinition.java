package org.continuumcare.profiles.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The items of one instrument, in order, keyed by item code. */
public record InstrumentDefinition(
    String instrument, String questionnaireUrl, List<ItemSpec> items) {

  public InstrumentDefinition {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(questionnaireUrl, "questionnaireUrl");
    items = List.copyOf(items);
    Map<String, ItemSpec> seen = new LinkedHashMap<>();
    for (ItemSpec item : items) {
      if (seen.put(item.code(), item) != null) {
        throw new IllegalArgumentException(
            "item " + item.code() + " defined twice in " + instrument);
      }
    }
  }

  public Optional<ItemSpec> item(String code) {
    return items.stream().filter(i -> i.code().equals(code)).findFirst();
  }
}
