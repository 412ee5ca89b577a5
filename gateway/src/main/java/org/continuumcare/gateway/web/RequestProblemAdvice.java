package org.continuumcare.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Request failures of the API controllers that Spring MVC does not itself map to a 4xx, as RFC 9457
 * problem documents. A multipart body that cannot be read (no boundary, truncated, malformed parts)
 * fails in the DispatcherServlet before any controller sees it, and reached the caller as a 500.
 * Spring's own 4xx (unknown path, wrong method, media type) are answered through {@link
 * ErrorDocumentValve}.
 */
@RestControllerAdvice
class RequestProblemAdvice {

  private static final Logger log = LoggerFactory.getLogger(RequestProblemAdvice.class);

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException failure) {
    if (failure instanceof MaxUploadSizeExceededException tooLarge) {
      return problem(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "The upload exceeds the largest accepted (" + tooLarge.getMaxUploadSize() + " bytes)");
    }
    Throwable cause = failure.getMostSpecificCause();
    return problem(
        HttpStatus.BAD_REQUEST,
        "The multipart/form-data body could not be read: "
            + ErrorDocuments.bounded(
                cause.getMessage() == null ? failure.getMessage() : cause.getMessage()));
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    log.info("Refused a request: {} {}", status.value(), detail);
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
  }
}
