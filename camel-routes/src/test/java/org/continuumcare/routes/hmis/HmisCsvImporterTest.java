package org.continuumcare.routes.hmis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.routes.partnerjson.PartnerCodeMap;
import org.continuumcare.routes.referral.TaskStatusUpdate;
import org.continuumcare.terminology.CodeSystemLookup;
import org.continuumcare.terminology.ConceptMapTranslator;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

class HmisCsvImporterTest {

  private static final String PID =
      "https://continuumcare.org/fhir/sid/hmis-personal-id/demo-housing";
  private static final HmisImportSettings SETTINGS =
      new HmisImportSettings(
          PID,
          HmisImportSettings.DEFAULT_RECORD_ID_SYSTEM,
          ZoneId.of("America/New_York"),
          "demo-housing");

  private final HmisCsvImporter importer =
      new HmisCsvImporter(
          SETTINGS,
          new HousingStatusObservationMapper(
              ConceptMapTranslator.shared(), CodeSystemLookup.shared(), SETTINGS.recordIdSystem()),
          new HmisTaskUpdateMapper(
              PartnerCodeMap.fromClasspath(HmisTaskUpdateMapper.OUTCOME_MAP_RESOURCE),
              SETTINGS.zone()));

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(HmisCsvImporterTest.class.getClassLoader().getResource(name).toURI());
  }

  private static ReferredPerson person(String n, LocalDate referredOn) {
    return new ReferredPerson("pat-" + n, "sr-" + n, "task-" + n, referredOn);
  }

  /** Five PersonalIDs of the demo export plus one it does not contain. */
  private static ReferredPersonIndex demoIndex() {
    ReferredPersonIndex.Builder b = ReferredPersonIndex.builder();
    for (String id : List.of("68121", "641913", "2615", "3166", "9375", "999999999")) {
      b.add(PID, id, person(id, null));
    }
    return b.build();
  }

  private static final class Collected implements HmisImportSink {
    final List<HousingStatusObservation> observations = new ArrayList<>();
    final List<TaskStatusUpdate> updates = new ArrayList<>();

    @Override
    public void observation(HousingStatusObservation observation) {
      observations.add(observation);
    }

    @Override
    public void taskUpdate(TaskStatusUpdate update) {
      updates.add(update);
    }
  }

  private HmisImportReport run(String resource, ReferredPersonIndex index, Collected sink)
      throws Exception {
    try (HmisExport export = HmisExport.of(resource(resource))) {
      return importer.importExport(export, index, sink);
    }
  }

  @Test
  void theDemoExportRunsToCompletionWithTheExpectedCounts() throws Exception {
    Collected sink = new Collected();

    HmisImportReport report = run("housing/hmis-csv-fy2026-demo.zip", demoIndex(), sink);

    assertThat(report.sourceId()).isEqualTo("DEMO999");
    assertThat(report.rejected()).isEmpty();
    assertThat(report.files())
        .extracting(
            HmisFileCounts::file,
            HmisFileCounts::read,
            HmisFileCounts::matched,
            HmisFileCounts::unmatched,
            HmisFileCounts::observations,
            HmisFileCounts::taskUpdates)
        .containsExactly(
            tuple("Enrollment.csv", 4771L, 6L, 4765L, 5L, 10L),
            tuple("CurrentLivingSituation.csv", 336L, 31L, 305L, 31L, 0L),
            tuple("Exit.csv", 4295L, 6L, 4289L, 6L, 4L));
    assertThat(report.read()).isEqualTo(9402);
    assertThat(report.matched()).isEqualTo(43);
    // 2615 entered from 207 (jail): the HMIS map gives no housing-status answer for an
    // institutional stay.
    assertThat(report.file("Enrollment.csv").noAnswer()).isEqualTo(1);
    assertThat(sink.observations).hasSize(42);
    assertThat(sink.updates).hasSize(14);
  }

  @Test
  void withEveryPersonOfTheDemoReferredItsOneBadLivingSituationCodeIsTheOnlyRejection()
      throws Exception {
    ReferredPersonIndex.Builder b = ReferredPersonIndex.builder();
    try (HmisExport export = HmisExport.of(resource("housing/hmis-csv-fy2026-demo.zip"));
        java.io.BufferedReader in = export.open("Enrollment.csv").orElseThrow()) {
      in.lines()
          .skip(1)
          .map(l -> CsvLineParser.parse(l).get(1))
          .distinct()
          .forEach(id -> b.add(PID, id, person(id, null)));
    }
    Collected sink = new Collected();

    HmisImportReport report = run("housing/hmis-csv-fy2026-demo.zip", b.build(), sink);

    // Expected figures computed independently with Python's csv module over the same export.
    assertThat(report.matched()).isEqualTo(9402);
    assertThat(report.observations()).isEqualTo(7205);
    assertThat(report.taskUpdates()).isEqualTo(8715);
    assertThat(report.rejected())
        .containsExactly(
            new RejectedRow(
                "CurrentLivingSituation.csv",
                28,
                "CurrentLivingSituation '999' is not an HMIS living situation code (FY2024+)"));
  }

  @Test
  void anExitToAPermanentDestinationPlacesThePersonInHousing() throws Exception {
    Collected sink = new Collected();

    run("housing/hmis-csv-fy2026-demo.zip", demoIndex(), sink);

    // PersonalID 3166: entered 2009-05-11 (prior situation 410), moved in and exited to 410 on
    // 2021-05-03.
    assertThat(sink.updates)
        .filteredOn(u -> u.taskId().equals("task-3166"))
        .extracting(
            TaskStatusUpdate::status, TaskStatusUpdate::businessStatus, TaskStatusUpdate::eventTime)
        .containsExactly(
            tuple(TaskStatus.INPROGRESS, "enrolled", Instant.parse("2009-05-11T04:00:00Z")),
            tuple(TaskStatus.COMPLETED, "placed-in-housing", Instant.parse("2021-05-03T04:00:00Z")),
            tuple(
                TaskStatus.COMPLETED, "placed-in-housing", Instant.parse("2021-05-03T04:00:00Z")));
    // PersonalID 68121 exited to 116 (street): housing status only, no Task update from the exit.
    assertThat(sink.updates)
        .filteredOn(u -> u.taskId().equals("task-68121"))
        .extracting(TaskStatusUpdate::businessStatus)
        .containsExactly("enrolled");
  }

  @Test
  void observationsCarryTheLoincAnswerTheHmisCodeAndADeterministicIdentifier() throws Exception {
    Collected sink = new Collected();

    run("housing/hmis-csv-fy2026-demo.zip", demoIndex(), sink);

    HousingStatusObservation exit =
        sink.observations.stream()
            .filter(
                o ->
                    o.observation()
                        .getIdentifierFirstRep()
                        .getValue()
                        .equals("DEMO999/Exit.csv/9375/" + exitIdOf(sink, "9375")))
            .findFirst()
            .orElseThrow();
    Observation o = exit.observation();
    assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo("71802-3");
    assertThat(o.getSubject().getReference()).isEqualTo("Patient/pat-9375");
    assertThat(o.getBasedOnFirstRep().getReference()).isEqualTo("ServiceRequest/sr-9375");
    assertThat(o.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2020-06-05");
    CodeableConcept value = o.getValueCodeableConcept();
    assertThat(value.getCoding())
        .extracting(c -> c.getSystem() + "#" + c.getCode())
        .containsExactly(
            ContinuumTerminology.LOINC + "#LA31993-1",
            ContinuumTerminology.HMIS_LIVING_SITUATION + "#410",
            ContinuumTerminology.HOUSING_SITUATION_CATEGORY + "#permanent");
    assertThat(exit.ifNoneExist())
        .isEqualTo(
            "identifier="
                + HmisImportSettings.DEFAULT_RECORD_ID_SYSTEM
                + "|"
                + o.getIdentifierFirstRep().getValue());
  }

  private static String exitIdOf(Collected sink, String personalId) {
    return sink.observations.stream()
        .map(o -> o.observation().getIdentifierFirstRep().getValue())
        .filter(v -> v.startsWith("DEMO999/Exit.csv/" + personalId + "/"))
        .map(v -> v.substring(v.lastIndexOf('/') + 1))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void reImportingProducesTheSameIdentifiersAndContentSoConditionalCreatesChangeNothing()
      throws Exception {
    Collected first = new Collected();
    Collected second = new Collected();

    run("housing/hmis-csv-fy2026-demo.zip", demoIndex(), first);
    run("housing/hmis-csv-fy2026-demo.zip", demoIndex(), second);

    assertThat(second.observations)
        .extracting(HousingStatusObservation::ifNoneExist)
        .containsExactlyElementsOf(
            first.observations.stream().map(HousingStatusObservation::ifNoneExist).toList())
        .doesNotHaveDuplicates();
    for (int i = 0; i < first.observations.size(); i++) {
      assertThat(
              second
                  .observations
                  .get(i)
                  .observation()
                  .equalsDeep(first.observations.get(i).observation()))
          .isTrue();
    }
    assertThat(second.updates).isEqualTo(first.updates);
  }

  @Test
  void rowsOfNobodyReferredProduceNothing() throws Exception {
    Collected sink = new Collected();

    HmisImportReport report =
        run("housing/hmis-csv-fy2026-demo.zip", ReferredPersonIndex.builder().build(), sink);

    assertThat(report.read()).isEqualTo(9402);
    assertThat(report.matched()).isZero();
    assertThat(sink.observations).isEmpty();
    assertThat(sink.updates).isEmpty();
  }

  @Test
  void recordsDatedBeforeTheReferralAreSkipped() throws Exception {
    Collected sink = new Collected();
    ReferredPersonIndex index =
        ReferredPersonIndex.builder()
            .add(PID, "641913", person("641913", LocalDate.parse("2020-11-01")))
            .build();

    HmisImportReport report = run("housing/hmis-csv-fy2026-demo.zip", index, sink);

    // enrollment 2019-05-30 and exit 2020-05-01 are older than the referral; 2020-11-12 entry, 8
    // CLS and the
    // 2020-12-08 exit (435) remain.
    assertThat(report.files())
        .extracting(HmisFileCounts::beforeReferral)
        .containsExactly(1L, 0L, 1L);
    assertThat(sink.observations).hasSize(10);
    assertThat(sink.updates)
        .extracting(TaskStatusUpdate::businessStatus)
        .containsExactly("enrolled", "placed-in-housing", "placed-in-housing");
  }

  @Test
  void malformedRowsAreReportedRowByRowWithoutAbortingTheGoodOnes() throws Exception {
    Collected sink = new Collected();
    ReferredPersonIndex.Builder b = ReferredPersonIndex.builder();
    for (String id : List.of("P1", "P2", "P3", "P4", "P5")) {
      b.add(PID, id, person(id, null));
    }

    HmisImportReport report = run("housing/malformed", b.build(), sink);

    assertThat(report.sourceId()).isEqualTo("TEST01");
    assertThat(report.rejected())
        .extracting(RejectedRow::file, RejectedRow::row, RejectedRow::reason)
        .containsExactly(
            tuple("Enrollment.csv", 3L, "EntryDate '08-MAY-67' is not a date (yyyy-MM-dd)"),
            tuple("Enrollment.csv", 4L, "text after the closing quote of field 5 at character 77"),
            tuple(
                "Enrollment.csv",
                5L,
                "LivingSituation '436' is not an HMIS living situation code" + " (FY2024+)"),
            tuple("Enrollment.csv", 6L, "expected 12 fields, found 6"),
            tuple("Enrollment.csv", 9L, "text after the closing quote of field 6 at character 35"),
            tuple("Enrollment.csv", 12L, "PersonalID is empty"),
            tuple(
                "CurrentLivingSituation.csv",
                1L,
                "header lacks column(s) InformationDate; file skipped"),
            tuple("Exit.csv", 3L, "ExitDate '2026-13-01' is not a date (yyyy-MM-dd)"),
            tuple(
                "Exit.csv",
                4L,
                "Destination 'abc' is not an HMIS living situation code (FY2024+)"));
    assertThat(report.files())
        .extracting(
            HmisFileCounts::file,
            HmisFileCounts::read,
            HmisFileCounts::matched,
            HmisFileCounts::unmatched,
            HmisFileCounts::deleted,
            HmisFileCounts::observations,
            HmisFileCounts::noAnswer,
            HmisFileCounts::taskUpdates,
            HmisFileCounts::rejected)
        .containsExactly(
            tuple("Enrollment.csv", 10L, 4L, 1L, 1L, 1L, 1L, 3L, 6L),
            tuple("CurrentLivingSituation.csv", 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L),
            tuple("Exit.csv", 4L, 4L, 0L, 0L, 2L, 0L, 1L, 2L));
    assertThat(sink.updates)
        .extracting(TaskStatusUpdate::taskId, TaskStatusUpdate::businessStatus)
        .containsExactly(
            tuple("task-P1", "enrolled"),
            tuple("task-P1", "placed-in-housing"),
            tuple("task-P2", "enrolled"),
            tuple("task-P1", "placed-in-housing"));
  }

  @Test
  void aZipWithTheFilesInAFolderIsReadLikeTheFolder(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws Exception {
    Path zip = tmp.resolve("export.zip");
    try (var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zip));
        var files = java.nio.file.Files.list(resource("housing/malformed"))) {
      for (Path f : files.sorted().toList()) {
        out.putNextEntry(new java.util.zip.ZipEntry("hmis_export_2026/" + f.getFileName()));
        java.nio.file.Files.copy(f, out);
        out.closeEntry();
      }
    }
    ReferredPersonIndex index =
        ReferredPersonIndex.builder().add(PID, "P1", person("P1", null)).build();
    Collected fromZip = new Collected();
    Collected fromFolder = new Collected();

    HmisImportReport zipped;
    try (HmisExport export = HmisExport.of(zip)) {
      zipped = importer.importExport(export, index, fromZip);
    }
    HmisImportReport folder = run("housing/malformed", index, fromFolder);

    assertThat(zipped.files()).isEqualTo(folder.files());
    assertThat(zipped.rejected()).isEqualTo(folder.rejected());
    assertThat(fromZip.updates).isEqualTo(fromFolder.updates);
    assertThat(fromZip.observations).hasSize(2); // P1: entry from 116 and exit to 435
  }

  @Test
  void aFileOfGarbageListsAThousandRejectionsAndCountsTheRest(
      @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    StringBuilder exit =
        new StringBuilder(
            "\"ExitID\",\"PersonalID\",\"ExitDate\",\"Destination\",\"DateDeleted\"\n");
    for (int i = 0; i < 1500; i++) {
      exit.append("\"X").append(i).append("\",\"P1\",\"not a date\n");
    }
    java.nio.file.Files.writeString(tmp.resolve("Exit.csv"), exit);

    HmisImportReport report;
    try (HmisExport export = HmisExport.of(tmp)) {
      report =
          importer.importExport(export, ReferredPersonIndex.builder().build(), new Collected());
    }

    assertThat(report.file("Exit.csv").rejected()).isEqualTo(1500);
    assertThat(report.rejected())
        .filteredOn(r -> r.file().equals("Exit.csv"))
        .hasSize(1001)
        .last()
        .isEqualTo(new RejectedRow("Exit.csv", 0, "500 more rejected rows not listed"));
  }

  @Test
  void aMissingFileIsReportedAndTheOthersAreImported() throws Exception {
    Collected sink = new Collected();

    HmisImportReport report = run("housing/malformed", ReferredPersonIndex.builder().build(), sink);

    assertThat(report.rejected()).extracting(RejectedRow::file).doesNotContain("Client.csv");
    assertThat(report.file("Exit.csv").read()).isEqualTo(4);
  }
}
