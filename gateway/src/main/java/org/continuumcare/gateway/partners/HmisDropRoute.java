package org.continuumcare.gateway.partners;

import org.apache.camel.builder.RouteBuilder;

/**
 * Watches the housing partner's HMIS drop directory: each complete {@code *.zip} is imported by
 * {@link HmisDropImporter} and moved to {@code .done/} or, when it cannot be imported, to
 * {@code .failed/}; one file at a time.
 */
final class HmisDropRoute extends RouteBuilder {

  static final String ROUTE_ID = "housing-hmis-drop-inbound";

  private final String directory;
  private final HmisDropImporter importer;

  HmisDropRoute(String directory, HmisDropImporter importer) {
    this.directory = directory;
    this.importer = importer;
  }

  @Override
  public void configure() {
    fromF("file:%s?antInclude=*.zip&readLock=changed&readLockCheckInterval=500"
        + "&move=.done/${file:name}&moveFailed=.failed/${file:name}", directory)
        .routeId(ROUTE_ID)
        .errorHandler(noErrorHandler())
        .bean(importer, "importFile");
  }
}
