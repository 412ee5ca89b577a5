package org.continuumcare.gateway.partners;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.continuumcare.routes.partner.PartnerFormat;
import org.continuumcare.routes.partner.StatusCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The partners' inbound endpoints, the same for every registered {@link PartnerFormat}. {@code POST
 * /api/partners/{partnerId}/status} (or {@code /outcomes}) takes the partner's status message,
 * checked and read by the partner's {@link StatusCallback} (the housing partner's status callback,
 * the employment partner's outcome webhook, the probation service's supervision status), and
 * answers 200 with {@link PartnerUpdateResult} ({@code applied}, {@code ignored-older}, {@code
 * ignored-duplicate}). {@code POST /api/partners/{partnerId}/hmis-csv} takes an HMIS CSV export
 * (zip, one CSV, or a multipart form of either) from a partner that sends them and answers 200 with
 * {@link HmisImportResult}. Refusals are RFC 9457 problems and each is audited: unknown partner
 * 404, caller not acting for the partner 403, body not JSON 400, invalid content or status code
 * 422, unknown referral 404, a Task owned by another partner 403, illegal transition 422,
 * concurrent change 409.
 */
@RestController
final class PartnerController {

  private static final Logger log = LoggerFactory.getLogger(PartnerController.class);
  private static final MediaType PROBLEM = MediaType.parseMediaType(PartnerProblem.MEDIA_TYPE);

  private final ConfiguredPartners partners;
  private final PartnerTaskUpdates updates;
  private final HmisPartners hmis;
  private final PartnerAudit audit;
  private final ObjectMapper json = new ObjectMapper();

  PartnerController(
      ConfiguredPartners partners,
      PartnerTaskUpdates updates,
      HmisPartners hmis,
      PartnerAudit audit) {
    this.partners = partners;
    this.updates = updates;
    this.hmis = hmis;
    this.audit = audit;
  }

  @PostMapping(
      path = {"/api/partners/{partnerId}/status", "/api/partners/{partnerId}/outcomes"},
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> status(
      @PathVariable String partnerId, @RequestBody(required = false) byte[] body) {
    Optional<StatusCallback<?>> callback =
        partners.find(partnerId).flatMap(PartnerFormat::statusCallback);
    String interaction = callback.map(StatusCallback::interaction).orElse("partner-status");
    // Whether the client may act for the partner is asked first: a client acting for another
    // organisation learns nothing about which partners exist.
    if (!CallerParties.mayActFor(partnerId)) {
      return refuse(
          interaction,
          partnerId,
          null,
          PartnerProblem.forbidden("This client does not act for Organization/" + partnerId));
    }
    if (callback.isEmpty()) {
      return refuse(interaction, null, null, PartnerProblem.unknownPartner(partnerId));
    }
    JsonNode document;
    try {
      document = json.readTree(body == null ? new byte[0] : body);
      if (document == null || document.isMissingNode()) {
        throw new InvalidRequestException("empty body");
      }
    } catch (IOException | InvalidRequestException notJson) {
      return refuse(
          interaction,
          partnerId,
          null,
          PartnerProblem.notJson(
              notJson instanceof JsonProcessingException p
                  ? p.getOriginalMessage()
                  : notJson.getMessage()));
    }
    String referralId = document.path("referralId").asText(null);
    String what = referralId == null || referralId.isBlank() ? null : "Task/" + referralId;
    try {
      StatusCallback.Reading reading = callback.get().read(document);
      PartnerUpdateResult result = updates.apply(partnerId, reading.referralId(), reading.report());
      log.info(
          "{} for Task/{} from {}: {}",
          interaction,
          result.referralId(),
          partnerId,
          result.result());
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
    } catch (BaseServerResponseException refused) {
      return refuse(interaction, partnerId, what, refused);
    } catch (JsonProcessingException unreadable) {
      return refuse(
          interaction,
          partnerId,
          what,
          new InvalidRequestException(unreadable.getOriginalMessage()));
    }
  }

  @PostMapping(path = "/api/partners/{partnerId}/hmis-csv")
  ResponseEntity<Object> hmisCsv(
      @PathVariable String partnerId,
      @RequestParam(name = "file", required = false) String fileName,
      HttpServletRequest request) {
    Optional<PartnerFormat> partner = partners.find(partnerId);
    if (!CallerParties.mayActFor(partnerId)) {
      return refuse(
          "hmis-import",
          partnerId,
          null,
          PartnerProblem.forbidden("This client does not act for Organization/" + partnerId));
    }
    if (partner.isEmpty()) {
      return refuse("hmis-import", null, null, PartnerProblem.unknownPartner(partnerId));
    }
    Optional<HmisUploads> upload = hmis.uploads(partnerId);
    if (upload.isEmpty()) {
      return refuse(
          "hmis-import",
          partnerId,
          null,
          new PartnerProblem(
              PartnerProblem.BASE + "unknown-partner",
              "Not a housing partner",
              404,
              "Organization/" + partnerId + " does not send HMIS exports",
              List.of()));
    }
    try {
      HmisImportResult result =
          request instanceof MultipartHttpServletRequest multipart
              ? upload.get().importMultipart(partnerId, multipart)
              : upload.get().importBody(partnerId, request, fileName);
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
    } catch (HmisUploads.BadUploadException bad) {
      return refuse("hmis-import", partnerId, null, PartnerProblem.badUpload(bad.getMessage()));
    } catch (BaseServerResponseException refused) {
      return refuse("hmis-import", partnerId, null, refused);
    } catch (IOException unreadable) {
      return refuse(
          "hmis-import",
          partnerId,
          null,
          PartnerProblem.badUpload(
              "the upload could not be read: " + unreadable.getClass().getSimpleName()));
    }
  }

  private ResponseEntity<Object> refuse(
      String interaction, String partnerId, String what, BaseServerResponseException refusal) {
    return refuse(interaction, partnerId, what, PartnerProblem.of(refusal));
  }

  private ResponseEntity<Object> refuse(
      String interaction, String partnerId, String what, PartnerProblem problem) {
    log.info(
        "Refused {} for partner {}: HTTP {} {}",
        interaction,
        partnerId,
        problem.status(),
        problem.title());
    audit.rejected(interaction, partnerId, what, problem.status(), problem.detail());
    return ResponseEntity.status(problem.status()).contentType(PROBLEM).body(problem);
  }
}
