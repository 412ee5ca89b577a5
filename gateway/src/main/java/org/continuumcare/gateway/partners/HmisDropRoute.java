package org.continuumcare.gateway.partners;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;

/**
 * Watches the HMIS drop directory of each partner that has one: each complete {@code *.zip} is
 * imported by that partner's {@link HmisDropImporter} and moved to {@code .done/} or, when it
 * cannot be imported, to {@code .failed/}; one file at a time per directory. A directory is listed
 * every 5 s (a drop is a batch import: seconds of latency cost nothing, a listing every half second
 * did cost idle CPU).
 */
final class HmisDropRoute extends RouteBuilder {

  /** One watched directory: its route id and the importer of its partner. */
  record Drop(String directory, String routeId, HmisDropImporter importer) {}

  private final List<Drop> drops;

  HmisDropRoute(List<Drop> drops) {
    this.drops = List.copyOf(drops);
  }

  @Override
  public void configure() {
    for (Drop drop : drops) {
      fromF(
              "file:%s?delay=5000&antInclude=*.zip&readLock=changed&readLockCheckInterval=500"
                  + "&move=.done/${file:name}&moveFailed=.failed/${file:name}",
              drop.directory())
          .routeId(drop.routeId())
          .errorHandler(noErrorHandler())
          .bean(drop.importer(), "importFile");
    }
  }
}
