package org.continuumcare.gateway.views.engine;

import java.util.Set;

/** The column types a view may declare: the FHIR primitive types (SQL on FHIR v2, column.type). */
final class ColumnTypes {

  static final Set<String> PRIMITIVES =
      Set.of(
          "base64Binary",
          "boolean",
          "canonical",
          "code",
          "date",
          "dateTime",
          "decimal",
          "id",
          "instant",
          "integer",
          "integer64",
          "markdown",
          "oid",
          "positiveInt",
          "string",
          "time",
          "unsignedInt",
          "uri",
          "url",
          "uuid");

  private ColumnTypes() {}

  static boolean isKnown(String type) {
    return PRIMITIVES.contains(type);
  }
}
