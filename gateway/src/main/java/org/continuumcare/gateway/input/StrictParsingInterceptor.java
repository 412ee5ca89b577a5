package org.continuumcare.gateway.input;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Parses the FHIR body of each client request to {@code /fhir} strictly before HAPI parses it its
 * usual, lenient way: an unknown element or attribute, a repeated single element, a value of the
 * wrong JSON type, an extension without url, a contained resource without id, a local reference to
 * nothing, or (XML) an element outside FHIR's namespace is a 400 naming it, where HAPI would drop
 * it silently and store the rest. Only the request body is affected: the gateway's own parsing
 * (stored resources, packages, partner routes) keeps HAPI's lenient handler, and the shared
 * FhirContext is not changed. Switched by {@code continuum.fhir.strict-parsing} (on by default).
 *
 * <p>The body is parsed twice (here and by HAPI): a write's cost grows by one parse, a few
 * milliseconds for ordinary resources and tens of milliseconds for a bundle of several megabytes.
 */
@Interceptor
final class StrictParsingInterceptor {

  private final FhirContext fhirContext;

  StrictParsingInterceptor(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public void parseStrictly(RequestDetails request) {
    RequestTypeEnum method = request.getRequestType();
    if (method != RequestTypeEnum.POST
        && method != RequestTypeEnum.PUT
        && method != RequestTypeEnum.PATCH) {
      return;
    }
    // Null for anything but FHIR JSON or XML (Binary content, JSON Patch, forms): HAPI decides on
    // those.
    EncodingEnum encoding = RestfulServerUtils.determineRequestEncodingNoDefault(request);
    byte[] body = request.loadRequestContents();
    if (encoding == null || body == null || body.length == 0) {
      return;
    }
    String text = new String(body, charsetOf(request));
    if (encoding == EncodingEnum.XML) {
      FhirXmlNamespaces.problem(text)
          .ifPresent(
              problem -> {
                throw new InvalidRequestException(failedToParse(encoding, problem));
              });
    }
    IParser parser = encoding.newParser(fhirContext);
    parser.setParserErrorHandler(new StrictErrorHandler());
    try {
      parser.parseResource(new StringReader(text));
    } catch (DataFormatException e) {
      throw new InvalidRequestException(failedToParse(encoding, e.getMessage()));
    }
  }

  private static Charset charsetOf(RequestDetails request) {
    try {
      Charset declared = request.getCharset();
      return declared == null ? StandardCharsets.UTF_8 : declared;
    } catch (IllegalArgumentException unknown) {
      throw new InvalidRequestException(
          "The Content-Type names a charset this server does not know: " + unknown.getMessage());
    }
  }

  /** HAPI's own wording for a body it cannot parse. */
  private String failedToParse(EncodingEnum encoding, String reason) {
    return fhirContext
        .getLocalizer()
        .getMessage(
            "ca.uhn.fhir.rest.server.method.ResourceParameter.failedToParseRequest",
            encoding.name(),
            reason);
  }
}
