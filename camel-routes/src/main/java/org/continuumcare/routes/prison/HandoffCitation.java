package org.continuumcare.routes.prison;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stored record a handoff cites rather than carries, and where the request named it: the JSON
 * channel's latest assessment ({@code /latestAssessment/reference}) and consent ({@code
 * /consent/reference}). The gateway lets a handoff cite only records of the person it hands over.
 * An HL7 v2 handoff cites at most its consent (CON-4.1, under the same pointer {@code
 * /consent/reference}); every other record it maps it carries inline.
 *
 * @param pointer JSON pointer (RFC 6901) of the citing field in the request
 * @param reference the cited record, {@code Type/id}
 */
public record HandoffCitation(String pointer, String reference) {

  public HandoffCitation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(reference, "reference");
  }

  /** Every record {@code handoff} cites, in request order. */
  public static List<HandoffCitation> of(ReleaseHandoff handoff) {
    List<HandoffCitation> citations = new ArrayList<>();
    if (handoff.latestAssessment() != null && handoff.latestAssessment().reference() != null) {
      citations.add(
          new HandoffCitation(
              "/latestAssessment/reference", handoff.latestAssessment().reference()));
    }
    if (handoff.consentReference() != null) {
      citations.add(new HandoffCitation("/consent/reference", handoff.consentReference()));
    }
    return List.copyOf(citations);
  }
}
