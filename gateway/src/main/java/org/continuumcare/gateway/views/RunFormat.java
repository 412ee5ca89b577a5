package org.continuumcare.gateway.views;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Locale;

/** The output formats of {@code $run} (SQL on FHIR v2 OutputFormatCodes), by code or media type. */
enum RunFormat {
  CSV("text/csv;charset=UTF-8"),
  NDJSON("application/x-ndjson"),
  JSON("application/json"),
  PARQUET("application/vnd.apache.parquet");

  private final String mediaType;

  RunFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  String mediaType() {
    return mediaType;
  }

  static RunFormat of(String requested) {
    if (requested == null || requested.isBlank()) {
      throw new InvalidRequestException("_format is required: csv, ndjson, json or parquet");
    }
    return switch (requested.strip().toLowerCase(Locale.ROOT)) {
      case "csv", "text/csv" -> CSV;
      case "ndjson", "application/x-ndjson", "application/ndjson", "application/fhir+ndjson" ->
          NDJSON;
      case "json", "application/json" -> JSON;
      case "parquet", "application/vnd.apache.parquet", "application/parquet" -> PARQUET;
      default ->
          throw new InvalidRequestException(
              "Unknown _format '" + requested + "': one of csv, ndjson, json, parquet");
    };
  }
}
