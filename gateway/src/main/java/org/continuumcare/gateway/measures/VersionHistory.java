package org.continuumcare.gateway.measures;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.model.RequestPartitionId;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.dao.HistoryBuilderFactory;
import ca.uhn.fhir.jpa.dao.IJpaStorageResourceParser;
import ca.uhn.fhir.jpa.dao.data.IResourceHistoryTagDao;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.jpa.model.entity.BaseTag;
import ca.uhn.fhir.jpa.model.entity.ResourceHistoryTable;
import ca.uhn.fhir.jpa.model.entity.ResourceHistoryTablePk;
import ca.uhn.fhir.jpa.model.entity.ResourceHistoryTag;
import ca.uhn.fhir.rest.api.server.storage.IResourcePersistentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Every stored version of a set of resources, read in bulk as the gateway: HAPI's history query for
 * several resources (the one behind bulk export's history), a page of versions at a time, with the
 * tags and security labels of the whole page in one more query. HAPI's own history paging loads
 * each version's tags on its own, one query per labelled version, which made measures over Task
 * histories cost minutes. Versions come back ordered by resource, newest version first, with their
 * labels exactly as stored; nothing is judged here ({@link GatedReader} does that).
 */
final class VersionHistory {

  private static final Date NO_END = Date.from(Instant.parse("9999-12-31T23:59:59Z"));

  private final FhirContext fhir;
  private final HistoryBuilderFactory histories;
  private final IResourceHistoryTagDao tags;
  private final IJpaStorageResourceParser parser;
  private final IHapiTransactionService transactions;
  private final JpaStorageSettings settings;

  VersionHistory(
      FhirContext fhir,
      HistoryBuilderFactory histories,
      IResourceHistoryTagDao tags,
      IJpaStorageResourceParser parser,
      IHapiTransactionService transactions,
      JpaStorageSettings settings) {
    this.fhir = fhir;
    this.histories = histories;
    this.tags = tags;
    this.parser = parser;
    this.transactions = transactions;
    this.settings = settings;
  }

  /**
   * Versions {@code from} (included) to {@code to} (excluded) of every version of the resources of
   * {@code type} with persistent ids {@code pids}; fewer than asked (or none) past the last one.
   */
  List<IBaseResource> page(String type, List<IResourcePersistentId<?>> pids, int from, int to) {
    Class<? extends IBaseResource> implementation =
        fhir.getResourceDefinition(type).getImplementingClass();
    return transactions
        .withSystemRequestOnDefaultPartition()
        .readOnly()
        .execute(
            () -> {
              List<ResourceHistoryTable> rows =
                  histories
                      .newHistoryBuilder(type, pids, null, NO_END)
                      .fetchEntities(RequestPartitionId.allPartitions(), null, from, to, null);
              Map<ResourceHistoryTablePk, Collection<BaseTag>> labels = tagsOf(rows);
              List<IBaseResource> versions = new ArrayList<>(rows.size());
              for (ResourceHistoryTable row : rows) {
                versions.add(
                    parser.toResource(
                        null,
                        implementation,
                        row,
                        labels == null ? null : labels.getOrDefault(row.getId(), List.of()),
                        true));
              }
              return versions;
            });
  }

  /**
   * The tags of each version on the page, in one query; null when tags are not stored per version
   * (HAPI then reads them itself, as it would).
   */
  private Map<ResourceHistoryTablePk, Collection<BaseTag>> tagsOf(List<ResourceHistoryTable> rows) {
    if (settings.getTagStorageMode() != JpaStorageSettings.TagStorageModeEnum.VERSIONED) {
      return null;
    }
    List<ResourceHistoryTablePk> tagged =
        rows.stream()
            .filter(ResourceHistoryTable::isHasTags)
            .map(ResourceHistoryTable::getId)
            .toList();
    Map<ResourceHistoryTablePk, Collection<BaseTag>> byVersion = new HashMap<>();
    if (tagged.isEmpty()) {
      return byVersion;
    }
    for (ResourceHistoryTag tag : tags.findByVersionIds(tagged)) {
      byVersion.computeIfAbsent(tag.getResourceHistory().getId(), id -> new ArrayList<>()).add(tag);
    }
    return byVersion;
  }
}
