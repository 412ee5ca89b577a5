package org.continuumcare.gateway.partners;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.continuumcare.routes.hmis.HmisCsvImporter;
import org.continuumcare.routes.hmis.HmisExport;
import org.continuumcare.routes.hmis.HmisImportReport;
import org.continuumcare.routes.hmis.HmisImportSink;
import org.continuumcare.routes.hmis.HousingStatusObservation;
import org.continuumcare.routes.hmis.ReferredPersonIndex;
import org.continuumcare.routes.referral.PartnerTaskUpdater;
import org.continuumcare.routes.referral.ReferralParts;
import org.continuumcare.routes.referral.StatusUpdatePolicy;
import org.continuumcare.routes.referral.TaskStatusUpdate;
import org.continuumcare.routes.referral.TaskUpdateApplier;
import org.continuumcare.routes.referral.TaskUpdateResult;
import org.continuumcare.routes.referral.UpdateDecision;
import org.continuumcare.terminology.CodeSystemLookup;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an HMIS export through {@link HmisCsvImporter} for one housing partner and stores the result
 * through HAPI's DAOs: the index of referred persons is built from the partner's stored
 * ReferralTasks (newest referral first when a person was referred again; entered-in-error ones left
 * out), Observations are conditional creates in transactions of {@value #BATCH}, and each Task's
 * updates are applied in event-time order through the referral policy in one transaction per Task.
 * Re-importing the same export creates and changes nothing.
 */
final class HmisImports {

  static final int BATCH = 100;
  private static final Logger log = LoggerFactory.getLogger(HmisImports.class);

  private final HmisCsvImporter importer;
  private final ReferralRecords records;
  private final IFhirResourceDao<Observation> observations;
  private final IFhirResourceDao<Task> tasks;
  private final PartnerTaskUpdater updater;
  private final TransactionTemplate transaction;
  private final Set<String> personalIdSystems;
  private final ZoneId zone;
  private final Clock clock;

  HmisImports(
      HmisCsvImporter importer,
      ReferralRecords records,
      DaoRegistry daos,
      PlatformTransactionManager transactions,
      String personalIdSystem,
      ZoneId zone,
      Clock clock) {
    this.importer = importer;
    this.records = records;
    this.observations = daos.getResourceDao(Observation.class);
    this.tasks = daos.getResourceDao(Task.class);
    this.updater =
        new PartnerTaskUpdater(
            StatusUpdatePolicy.referralDefault(), new TaskUpdateApplier(CodeSystemLookup.shared()));
    this.transaction = new TransactionTemplate(transactions);
    this.personalIdSystems = Set.of(personalIdSystem);
    this.zone = zone;
    this.clock = clock;
  }

  HmisImportResult importExport(String partnerId, Path export) throws IOException {
    long start = clock.millis();
    ReferredPersonIndex index =
        ReferredPersonIndex.fromReferrals(referred(partnerId), personalIdSystems, zone);
    Collected collected = new Collected();
    HmisImportReport report;
    try (HmisExport hmis = HmisExport.of(export)) {
      report = importer.importExport(hmis, index, collected);
    }
    HmisImportResult.ObservationCounts observationCounts = storeObservations(partnerId, collected);
    List<HmisImportResult.RefusedUpdate> refused = new ArrayList<>();
    HmisImportResult.TaskUpdateCounts updateCounts = applyUpdates(partnerId, collected, refused);
    HmisImportResult result =
        HmisImportResult.of(
            report, observationCounts, updateCounts, refused, clock.millis() - start);
    log.info(
        "HMIS import for {}: read {}, matched {}, observations created {}, tasks updated {},"
            + " rejected rows {}, refused updates {} in {} ms",
        partnerId,
        result.read(),
        result.matched(),
        observationCounts.created(),
        updateCounts.applied(),
        result.rejected(),
        updateCounts.refused(),
        result.millis());
    return result;
  }

  private List<ReferralParts> referred(String partnerId) {
    return records.referralsOf(partnerId).stream()
        .filter(parts -> parts.task().getStatus() != TaskStatus.ENTEREDINERROR)
        .sorted(
            Comparator.comparing(
                    (ReferralParts parts) -> parts.referral().getAuthoredOn(),
                    Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ReferralParts::taskId, Comparator.reverseOrder()))
        .toList();
  }

  private HmisImportResult.ObservationCounts storeObservations(String partnerId, Collected c) {
    List<HousingStatusObservation> all = new ArrayList<>(c.observations.values());
    long created = 0;
    for (int from = 0; from < all.size(); from += BATCH) {
      List<HousingStatusObservation> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      Long batchCreated =
          transaction.execute(
              status -> {
                long n = 0;
                for (HousingStatusObservation o : batch) {
                  if (Boolean.TRUE.equals(
                      observations
                          .create(
                              o.observation(),
                              o.ifNoneExist(),
                              PartnerTaskUpdates.request(partnerId))
                          .getCreated())) {
                    n++;
                  }
                }
                return n;
              });
      created += batchCreated == null ? 0 : batchCreated;
    }
    return new HmisImportResult.ObservationCounts(c.produced, created, all.size() - created);
  }

  private HmisImportResult.TaskUpdateCounts applyUpdates(
      String partnerId, Collected c, List<HmisImportResult.RefusedUpdate> refused) {
    long[] counts = new long[4]; // applied, older, duplicate, refused
    for (Map.Entry<String, List<TaskStatusUpdate>> entry : c.updates.entrySet()) {
      List<TaskStatusUpdate> updates = new ArrayList<>(entry.getValue());
      updates.sort(Comparator.comparing(TaskStatusUpdate::eventTime));
      transaction.executeWithoutResult(
          status -> {
            Task current = records.task(entry.getKey()).orElse(null);
            if (current == null) {
              counts[3] += updates.size();
              refused.add(
                  new HmisImportResult.RefusedUpdate(
                      "Task/" + entry.getKey(), "the referral Task no longer exists"));
              return;
            }
            Task original = current;
            boolean changed = false;
            for (TaskStatusUpdate update : updates) {
              try {
                TaskUpdateResult result = updater.update(current, update, partnerId);
                if (result.changed().isPresent()) {
                  current = result.updatedTask();
                  changed = true;
                  counts[0]++;
                } else if (result.verdict().decision() == UpdateDecision.STALE) {
                  counts[1]++;
                } else {
                  counts[2]++;
                }
              } catch (BaseServerResponseException illegal) {
                counts[3]++;
                refused.add(
                    new HmisImportResult.RefusedUpdate(
                        "Task/" + entry.getKey(), illegal.getMessage()));
              }
            }
            if (changed) {
              current.setId(original.getIdElement().toUnqualified());
              tasks.update(current, PartnerTaskUpdates.request(partnerId));
            }
          });
    }
    return new HmisImportResult.TaskUpdateCounts(
        c.updateCount, counts[0], counts[1], counts[2], counts[3]);
  }

  /**
   * Everything the import produced: Observations by conditional-create criterion, updates by Task.
   */
  private static final class Collected implements HmisImportSink {
    final Map<String, HousingStatusObservation> observations = new LinkedHashMap<>();
    final Map<String, List<TaskStatusUpdate>> updates = new LinkedHashMap<>();
    long produced;
    long updateCount;

    @Override
    public void observation(HousingStatusObservation observation) {
      produced++;
      observations.putIfAbsent(observation.ifNoneExist(), observation);
    }

    @Override
    public void taskUpdate(TaskStatusUpdate update) {
      updateCount++;
      updates.computeIfAbsent(update.taskId(), id -> new ArrayList<>()).add(update);
    }
  }
}
