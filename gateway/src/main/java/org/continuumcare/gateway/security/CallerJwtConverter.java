package org.continuumcare.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.continuumcare.gateway.security.Caller.Access;
import org.continuumcare.gateway.security.SecurityProperties.ClientBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a validated JWT into a {@link CallerAuthentication}: client id from {@code client_id} (or
 * {@code azp}, or {@code sub}), scopes from {@code scope}/{@code scp}, organisation, access and
 * purpose of use from the claims {@code organization}, {@code access} and {@code purpose_of_use} or
 * else from the client's binding in {@code continuum.security.clients}. A client with neither is a
 * partner of no organisation: it sees nothing that is addressed to someone. The SMART launch
 * context {@code patient} (a Patient id) is taken from the token only, never from a binding.
 *
 * <p>A token with a {@code fhirUser} claim (the console's sign-in, through the development issuer
 * or an external OpenID Connect provider) stands for that person: their organisation, access and
 * purpose are the token's claims, their {@code user/} scopes are read like {@code system/} scopes
 * of a client of that organisation, and they are named in every AuditEvent of their requests.
 */
final class CallerJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  static final String ORGANIZATION = "organization";
  static final String ACCESS = "access";
  static final String PURPOSE_OF_USE = "purpose_of_use";

  /** SMART launch context: the Patient a patient-facing app acts for. */
  static final String PATIENT = "patient";

  /** SMART / OpenID Connect: the FHIR resource of the signed-in user. */
  static final String FHIR_USER = "fhirUser";

  private static final java.util.regex.Pattern FHIR_USER_REFERENCE =
      java.util.regex.Pattern.compile(
          "(https?://[^\\s]{1,200}/)?(Practitioner|PractitionerRole|Person|RelatedPerson|Patient)/[A-Za-z0-9\\-.]{1,64}");

  private static final java.util.regex.Pattern FHIR_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private final SecurityProperties properties;

  CallerJwtConverter(SecurityProperties properties) {
    this.properties = properties;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String clientId =
        firstNonBlank(
            jwt.getClaimAsString("client_id"), jwt.getClaimAsString("azp"), jwt.getSubject());
    if (clientId == null) {
      throw new InvalidBearerTokenException("The token names no client (client_id, azp or sub)");
    }
    ClientBinding binding = properties.clients().get(clientId);
    if (binding == null) {
      binding = properties.devIssuer().enabled() ? devBinding(clientId) : null;
    }
    String organization =
        firstNonBlank(
            jwt.getClaimAsString(ORGANIZATION), binding == null ? null : binding.organization());
    Access access = access(jwt.getClaimAsString(ACCESS), binding);
    String purpose =
        firstNonBlank(
            jwt.getClaimAsString(PURPOSE_OF_USE),
            binding == null ? null : binding.purposeOfUse(),
            "TREAT");
    List<String> scopes = scopes(jwt);
    Caller caller =
        new Caller(
            clientId,
            organization,
            access,
            purpose,
            SmartScopes.parse(scopes),
            patient(jwt),
            user(jwt));
    Collection<SimpleGrantedAuthority> authorities = new ArrayList<>();
    scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
    return new CallerAuthentication(jwt, authorities, caller);
  }

  private ClientBinding devBinding(String clientId) {
    SecurityProperties.DevClient client = properties.devIssuer().clients().get(clientId);
    return client == null
        ? null
        : new ClientBinding(client.organization(), client.access(), client.purposeOfUse());
  }

  private static Access access(String claim, ClientBinding binding) {
    if (claim != null && !claim.isBlank()) {
      try {
        return Access.valueOf(claim.trim().replace('-', '_').toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidBearerTokenException(
            "The token's access claim is not one of partner, care-team, analyst, admin");
      }
    }
    return binding == null ? Access.PARTNER : binding.access();
  }

  private static String patient(Jwt jwt) {
    Object claim = jwt.getClaims().get(PATIENT);
    if (claim == null) {
      return null;
    }
    if (!(claim instanceof String id) || !FHIR_ID.matcher(id).matches()) {
      throw new InvalidBearerTokenException("The token's patient claim is not a Patient id");
    }
    return id;
  }

  private static Caller.User user(Jwt jwt) {
    Object claim = jwt.getClaims().get(FHIR_USER);
    if (claim == null) {
      return null;
    }
    if (!(claim instanceof String fhirUser) || !FHIR_USER_REFERENCE.matcher(fhirUser).matches()) {
      throw new InvalidBearerTokenException(
          "The token's fhirUser claim is not a reference to a Practitioner, PractitionerRole, Person, RelatedPerson or Patient");
    }
    String subject = jwt.getSubject();
    if (subject == null || subject.isBlank()) {
      throw new InvalidBearerTokenException("The token names a fhirUser but no subject (sub)");
    }
    String name = firstNonBlank(jwt.getClaimAsString("preferred_username"), subject);
    return new Caller.User(subject, name, fhirUser);
  }

  private static List<String> scopes(Jwt jwt) {
    for (String claim : List.of("scope", "scp")) {
      Object value = jwt.getClaims().get(claim);
      if (value instanceof String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
      }
      if (value instanceof Collection<?> values) {
        return values.stream().map(String::valueOf).toList();
      }
    }
    return List.of();
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
