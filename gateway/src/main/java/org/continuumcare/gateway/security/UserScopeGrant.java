package org.continuumcare.gateway.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a signed-in user is granted of the scopes a client asked for (pure): {@code openid} and
 * {@code fhirUser} as asked, and of every {@code user/} scope asked for, the part the user's own
 * {@code user/} scopes allow (per resource type and SMART v2 letters), so the console asking for
 * {@code user/*.cruds} gets {@code user/*.rs} for an analyst and {@code user/Task.rus} (among
 * others) for a caseworker. Nothing else is granted.
 */
final class UserScopeGrant {

  private static final Pattern USER_SCOPE =
      Pattern.compile("user/(\\*|[A-Z][A-Za-z]{1,63})\\.(read|write|\\*|c?r?u?d?s?)");
  private static final String LETTERS = "cruds";
  private static final Set<String> IDENTITY = Set.of("openid", "fhirUser");

  private UserScopeGrant() {}

  static Set<String> granted(Collection<String> requested, Collection<String> allowed) {
    Set<String> granted = new LinkedHashSet<>();
    for (String scope : requested) {
      if (IDENTITY.contains(scope)) {
        granted.add(scope);
      }
    }
    for (String asked : requested) {
      Matcher ask = USER_SCOPE.matcher(asked);
      if (!ask.matches()) {
        continue;
      }
      for (String own : allowed) {
        Matcher may = USER_SCOPE.matcher(own);
        if (!may.matches()) {
          continue;
        }
        String type = narrowerType(ask.group(1), may.group(1));
        String letters = common(letters(ask.group(2)), letters(may.group(2)));
        if (type != null && !letters.isEmpty()) {
          granted.add("user/" + type + "." + letters);
        }
      }
    }
    return granted;
  }

  /**
   * Whether {@code allowed} grants everything the {@code user/} scope {@code requested} names (a
   * type of a wildcard, fewer letters).
   */
  static boolean covers(Collection<String> allowed, String requested) {
    Matcher ask = USER_SCOPE.matcher(requested);
    if (!ask.matches() || letters(ask.group(2)).isEmpty()) {
      return false;
    }
    StringBuilder granted = new StringBuilder();
    for (String own : allowed) {
      Matcher may = USER_SCOPE.matcher(own);
      if (may.matches()
          && (may.group(1).equals(ask.group(1)) || SmartScopes.ANY_TYPE.equals(may.group(1)))) {
        granted.append(letters(may.group(2)));
      }
    }
    String asked = letters(ask.group(2));
    return common(asked, granted.toString()).length() == asked.length();
  }

  private static String narrowerType(String asked, String allowed) {
    if (SmartScopes.ANY_TYPE.equals(asked)) {
      return allowed;
    }
    if (SmartScopes.ANY_TYPE.equals(allowed) || asked.equals(allowed)) {
      return asked;
    }
    return null;
  }

  /** SMART v2 letters of an action (v1 {@code read}, {@code write}, {@code *} included). */
  private static String letters(String action) {
    return switch (action) {
      case "read" -> "rs";
      case "write" -> "cud";
      case "*" -> LETTERS;
      default -> action;
    };
  }

  private static String common(String a, String b) {
    StringBuilder both = new StringBuilder();
    for (char letter : LETTERS.toCharArray()) {
      if (a.indexOf(letter) >= 0 && b.indexOf(letter) >= 0) {
        both.append(letter);
      }
    }
    return both.toString();
  }
}
