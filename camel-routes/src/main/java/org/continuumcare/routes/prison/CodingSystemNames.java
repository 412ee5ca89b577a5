package org.continuumcare.routes.prison;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * HL7 v2 coding system names (table 0396) to FHIR code system URIs, from {@code
 * prison/v2-coding-systems.properties}.
 */
public final class CodingSystemNames {

  private final Map<String, String> uris = new HashMap<>();

  public CodingSystemNames() {
    Properties properties = ClasspathProperties.load("prison/v2-coding-systems.properties");
    for (String name : properties.stringPropertyNames()) {
      uris.put(name.toUpperCase(Locale.ROOT), properties.getProperty(name).trim());
    }
  }

  public Optional<String> uri(String v2Name) {
    return v2Name == null
        ? Optional.empty()
        : Optional.ofNullable(uris.get(v2Name.trim().toUpperCase(Locale.ROOT)));
  }
}
