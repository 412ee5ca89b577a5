package org.continuumcare.gateway.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource permissions a token's SMART scopes grant, parsed once per request.
 *
 * <p>Understood: SMART v2 {@code system/<Type|*>.<cruds>} (letters in that order, any subset) and
 * the v1 forms {@code system/<Type|*>.read}, {@code .write} and {@code .*}; {@code user/} scopes
 * are read the same way, since every Continuum client acts for an organisation. {@code patient/}
 * scopes (same forms) grant nothing here either: they are kept apart ({@link #allowsForPatient})
 * and, with a launch context, let a patient-facing app read the patient's own list of disclosures
 * and nothing else ({@link Caller#readsOwnDisclosures}). Anything else (malformed or hostile
 * strings) grants nothing. Every scope that grants nothing through {@link #allows}, {@code
 * patient/} ones included, is reported by {@link #ignored()}: a token can never gain access through
 * a scope Continuum does not understand.
 */
public final class SmartScopes {

  /** What a scope lets a client do with a resource type (SMART v2 letters). */
  public enum Permission {
    CREATE('c'),
    READ('r'),
    UPDATE('u'),
    DELETE('d'),
    SEARCH('s');

    private final char letter;

    Permission(char letter) {
      this.letter = letter;
    }

    public char letter() {
      return letter;
    }
  }

  /** Any resource type. */
  public static final String ANY_TYPE = "*";

  private static final Pattern SCOPE =
      Pattern.compile(
          "(system|user|patient)/(\\*|[A-Z][A-Za-z]{1,63})\\.(read|write|\\*|c?r?u?d?s?)");
  private static final String PATIENT_CONTEXT = "patient";

  private final Map<String, EnumSet<Permission>> byType;
  private final Map<String, EnumSet<Permission>> patientByType;
  private final List<String> ignored;

  private SmartScopes(
      Map<String, EnumSet<Permission>> byType,
      Map<String, EnumSet<Permission>> patientByType,
      List<String> ignored) {
    this.byType = byType;
    this.patientByType = patientByType;
    this.ignored = ignored;
  }

  public static SmartScopes parse(Collection<String> scopes) {
    Map<String, EnumSet<Permission>> byType = new LinkedHashMap<>();
    Map<String, EnumSet<Permission>> patientByType = new LinkedHashMap<>();
    List<String> ignored = new java.util.ArrayList<>();
    for (String scope : scopes) {
      Matcher matcher = scope == null ? null : SCOPE.matcher(scope);
      if (matcher == null || !matcher.matches() || matcher.group(3).isEmpty()) {
        if (scope != null) {
          ignored.add(scope);
        }
        continue;
      }
      boolean patientContext = PATIENT_CONTEXT.equals(matcher.group(1));
      if (patientContext) {
        ignored.add(scope);
      }
      (patientContext ? patientByType : byType)
          .computeIfAbsent(matcher.group(2), type -> EnumSet.noneOf(Permission.class))
          .addAll(permissions(matcher.group(3)));
    }
    return new SmartScopes(Map.copyOf(byType), Map.copyOf(patientByType), List.copyOf(ignored));
  }

  public static SmartScopes parse(String spaceSeparated) {
    return parse(
        spaceSeparated == null || spaceSeparated.isBlank()
            ? List.of()
            : List.of(spaceSeparated.trim().split("\\s+")));
  }

  private static Set<Permission> permissions(String action) {
    return switch (action) {
      case "read" -> EnumSet.of(Permission.READ, Permission.SEARCH);
      case "write" -> EnumSet.of(Permission.CREATE, Permission.UPDATE, Permission.DELETE);
      case "*" -> EnumSet.allOf(Permission.class);
      default -> {
        EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
        for (Permission permission : Permission.values()) {
          if (action.indexOf(permission.letter()) >= 0) {
            granted.add(permission);
          }
        }
        yield granted;
      }
    };
  }

  /** Whether the scopes allow {@code permission} on resources of {@code resourceType}. */
  public boolean allows(String resourceType, Permission permission) {
    return has(ANY_TYPE, permission) || has(resourceType, permission);
  }

  private boolean has(String type, Permission permission) {
    EnumSet<Permission> granted = byType.get(type);
    return granted != null && granted.contains(permission);
  }

  /**
   * Whether a {@code patient/} scope names {@code permission} on {@code resourceType} (or on {@code
   * *}). This grants nothing by itself: only {@link Caller#readsOwnDisclosures} asks.
   */
  public boolean allowsForPatient(String resourceType, Permission permission) {
    for (String type : List.of(ANY_TYPE, resourceType)) {
      EnumSet<Permission> granted = patientByType.get(type);
      if (granted != null && granted.contains(permission)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every type is granted {@code permission} ({@code system/*.x}). */
  public boolean allowsAnyType(Permission permission) {
    return has(ANY_TYPE, permission);
  }

  /**
   * Resource types named explicitly (not through {@code *}) that are granted {@code permission}.
   */
  public Set<String> typesWith(Permission permission) {
    Set<String> types = new java.util.TreeSet<>();
    byType.forEach(
        (type, granted) -> {
          if (!ANY_TYPE.equals(type) && granted.contains(permission)) {
            types.add(type);
          }
        });
    return types;
  }

  /**
   * Whether these scopes grant everything {@code requested} grants, so a client registered with
   * them may ask for it: a subset of letters ({@code system/Task.rs} of {@code system/Task.rus}),
   * one type of a wildcard ({@code system/Task.r} of {@code system/*.rs}), a v1 form of the same
   * permissions. A scope that grants nothing (not SMART, {@code patient/}) is covered by nothing.
   */
  public boolean covers(String requested) {
    SmartScopes asked = parse(List.of(requested));
    if (asked.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, EnumSet<Permission>> entry : asked.byType.entrySet()) {
      for (Permission permission : entry.getValue()) {
        boolean granted =
            ANY_TYPE.equals(entry.getKey())
                ? has(ANY_TYPE, permission)
                : allows(entry.getKey(), permission);
        if (!granted) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether any scope grants anything at all. */
  public boolean isEmpty() {
    return byType.isEmpty();
  }

  /**
   * Scope strings that grant nothing through {@link #allows} (not SMART, {@code patient/},
   * malformed).
   */
  public List<String> ignored() {
    return ignored;
  }

  @Override
  public String toString() {
    return byType.toString();
  }
}
