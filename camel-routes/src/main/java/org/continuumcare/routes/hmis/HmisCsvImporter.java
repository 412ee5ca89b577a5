package org.continuumcare.routes.hmis;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.continuumcare.routes.referral.TaskStatusUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams an HMIS CSV export (HUD FY2024+ format) and turns the records of referred persons into
 * housing-status Observations and referral Task updates. Reads Export.csv (source id), then
 * Enrollment.csv (prior living situation, project entry, housing move-in),
 * CurrentLivingSituation.csv and Exit.csv (destination), one line at a time. Rows of people the
 * {@link ReferredPersonIndex} does not know are counted and skipped; a bad row is reported with its
 * file, line number and reason and the import goes on.
 */
public final class HmisCsvImporter {

  private static final Logger LOG = LoggerFactory.getLogger(HmisCsvImporter.class);

  /**
   * Rejected rows listed per file; further ones are counted and summed up in one line (a garbage
   * upload stays small).
   */
  static final int MAX_LISTED_REJECTIONS_PER_FILE = 1000;

  static final String EXPORT = "Export.csv";
  static final String ENROLLMENT = "Enrollment.csv";
  static final String CURRENT_LIVING_SITUATION = "CurrentLivingSituation.csv";
  static final String EXIT = "Exit.csv";

  private static final List<FileSpec> FILES =
      List.of(
          new FileSpec(
              ENROLLMENT,
              "EnrollmentID",
              "EntryDate",
              "LivingSituation",
              HmisRecord.Kind.PRIOR_LIVING_SITUATION,
              List.of("MoveInDate")),
          new FileSpec(
              CURRENT_LIVING_SITUATION,
              "CurrentLivingSitID",
              "InformationDate",
              "CurrentLivingSituation",
              HmisRecord.Kind.CURRENT_LIVING_SITUATION,
              List.of()),
          new FileSpec(
              EXIT,
              "ExitID",
              "ExitDate",
              "Destination",
              HmisRecord.Kind.EXIT_DESTINATION,
              List.of()));

  private final HmisImportSettings settings;
  private final HousingStatusObservationMapper observations;
  private final HmisTaskUpdateMapper updates;

  public HmisCsvImporter(
      HmisImportSettings settings,
      HousingStatusObservationMapper observations,
      HmisTaskUpdateMapper updates) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.observations = Objects.requireNonNull(observations, "observations");
    this.updates = Objects.requireNonNull(updates, "updates");
  }

  public HmisImportReport importExport(
      HmisExport export, ReferredPersonIndex index, HmisImportSink sink) throws IOException {
    List<RejectedRow> rejected = new ArrayList<>();
    String sourceId = sourceId(export, rejected);
    List<HmisFileCounts> counts = new ArrayList<>();
    for (FileSpec spec : FILES) {
      Optional<BufferedReader> reader = export.open(spec.name());
      if (reader.isEmpty()) {
        rejected.add(new RejectedRow(spec.name(), 0, "file missing from the export"));
        counts.add(new HmisFileCounts(spec.name(), 0, 0, 0, 0, 0, 0, 0, 0, 0));
        continue;
      }
      try (BufferedReader in = reader.get()) {
        counts.add(new FileRun(spec, sourceId, index, sink, rejected).run(in));
      }
    }
    HmisImportReport report = new HmisImportReport(export.name(), sourceId, counts, rejected);
    LOG.info(
        "HMIS import of {} (source {}): read {}, matched {}, observations {}, task updates {}, rejected {}",
        export.name(),
        sourceId,
        report.read(),
        report.matched(),
        report.observations(),
        report.taskUpdates(),
        rejected.size());
    return report;
  }

  private String sourceId(HmisExport export, List<RejectedRow> rejected) throws IOException {
    Optional<BufferedReader> reader = export.open(EXPORT);
    if (reader.isPresent()) {
      try (BufferedReader in = reader.get()) {
        String header = in.readLine();
        String line = in.readLine();
        if (header != null && line != null) {
          try {
            Map<String, Integer> columns = columns(CsvLineParser.parse(stripBom(header)));
            List<String> fields = CsvLineParser.parse(line);
            Integer at = columns.get("SourceID");
            if (at != null && at < fields.size() && !fields.get(at).isBlank()) {
              return fields.get(at).trim();
            }
          } catch (CsvLineParser.MalformedCsvException e) {
            rejected.add(new RejectedRow(EXPORT, 2, e.getMessage()));
          }
        }
      }
    }
    rejected.add(
        new RejectedRow(
            EXPORT, 0, "no SourceID in Export.csv; using the partner id " + settings.partnerId()));
    return settings.partnerId();
  }

  private static Map<String, Integer> columns(List<String> header) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(header.get(i).trim(), i);
    }
    return columns;
  }

  private static String stripBom(String line) {
    return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
  }

  /** The columns the import needs from one file. */
  private record FileSpec(
      String name,
      String recordIdColumn,
      String dateColumn,
      String codeColumn,
      HmisRecord.Kind kind,
      List<String> optionalColumns) {

    List<String> required() {
      return List.of(recordIdColumn, "PersonalID", dateColumn, codeColumn, "DateDeleted");
    }
  }

  /** One pass over one file. */
  private final class FileRun {
    private final FileSpec spec;
    private final String sourceId;
    private final ReferredPersonIndex index;
    private final HmisImportSink sink;
    private final List<RejectedRow> rejected;
    private long read;
    private long matched;
    private long unmatched;
    private long deleted;
    private long beforeReferral;
    private long observationCount;
    private long noAnswer;
    private long updateCount;
    private long rejectedCount;

    FileRun(
        FileSpec spec,
        String sourceId,
        ReferredPersonIndex index,
        HmisImportSink sink,
        List<RejectedRow> rejected) {
      this.spec = spec;
      this.sourceId = sourceId;
      this.index = index;
      this.sink = sink;
      this.rejected = rejected;
    }

    HmisFileCounts run(BufferedReader in) throws IOException {
      String headerLine = in.readLine();
      if (headerLine == null) {
        reject(1, "empty file (no header)");
        return counts();
      }
      Map<String, Integer> columns;
      try {
        columns = columns(CsvLineParser.parse(stripBom(headerLine)));
      } catch (CsvLineParser.MalformedCsvException e) {
        reject(1, "header: " + e.getMessage());
        return counts();
      }
      List<String> missing = spec.required().stream().filter(c -> !columns.containsKey(c)).toList();
      if (!missing.isEmpty()) {
        reject(1, "header lacks column(s) " + String.join(", ", missing) + "; file skipped");
        return counts();
      }
      int width = columns.size();
      int recordAt = columns.get(spec.recordIdColumn());
      int personAt = columns.get("PersonalID");
      int dateAt = columns.get(spec.dateColumn());
      int codeAt = columns.get(spec.codeColumn());
      int deletedAt = columns.get("DateDeleted");
      Integer moveInAt =
          spec.optionalColumns().contains("MoveInDate") ? columns.get("MoveInDate") : null;
      long lineNo = 1;
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        read++;
        List<String> f;
        try {
          f = CsvLineParser.parse(line);
        } catch (CsvLineParser.MalformedCsvException e) {
          reject(lineNo, e.getMessage());
          continue;
        }
        if (f.size() != width) {
          reject(lineNo, "expected " + width + " fields, found " + f.size());
          continue;
        }
        String personalId = f.get(personAt).trim();
        if (personalId.isEmpty()) {
          reject(lineNo, "PersonalID is empty");
          continue;
        }
        Optional<ReferredPerson> person = index.find(settings.personalIdSystem(), personalId);
        if (person.isEmpty()) {
          unmatched++;
          continue;
        }
        if (!f.get(deletedAt).isBlank()) {
          deleted++;
          continue;
        }
        matched++;
        handle(lineNo, f, personalId, person.get(), recordAt, dateAt, codeAt, moveInAt);
      }
      return counts();
    }

    private void handle(
        long lineNo,
        List<String> f,
        String personalId,
        ReferredPerson person,
        int recordAt,
        int dateAt,
        int codeAt,
        Integer moveInAt) {
      String recordId = f.get(recordAt).trim();
      if (recordId.isEmpty()) {
        reject(lineNo, spec.recordIdColumn() + " is empty");
        return;
      }
      LocalDate date;
      LocalDate moveIn = null;
      try {
        date = date(spec.dateColumn(), f.get(dateAt), true);
        if (moveInAt != null) {
          moveIn = date("MoveInDate", f.get(moveInAt), false);
        }
      } catch (IllegalArgumentException e) {
        reject(lineNo, e.getMessage());
        return;
      }
      String code = f.get(codeAt).trim();
      if (code.isEmpty()) {
        code = null;
      } else if (!observations.isKnownCode(code)) {
        reject(
            lineNo,
            spec.codeColumn() + " '" + code + "' is not an HMIS living situation code (FY2024+)");
        return;
      }
      if (person.referredOn() != null && date.isBefore(person.referredOn())) {
        beforeReferral++;
        return;
      }
      HmisRecord record =
          new HmisRecord(sourceId, spec.name(), recordId, personalId, spec.kind(), code, date);
      Optional<HousingStatusObservation> observation = observations.map(record, person);
      observation.ifPresentOrElse(
          o -> {
            sink.observation(o);
            observationCount++;
          },
          () -> noAnswer++);
      String partnerRef = record.identifierValue();
      switch (spec.kind()) {
        case PRIOR_LIVING_SITUATION -> {
          emit(updates.forEvent(HmisTaskUpdateMapper.PROJECT_ENTRY, date, partnerRef, person));
          if (moveIn != null) {
            emit(
                updates.forEvent(HmisTaskUpdateMapper.HOUSING_MOVE_IN, moveIn, partnerRef, person));
          }
        }
        case EXIT_DESTINATION -> {
          if (record.code() != null) {
            observations
                .categoryOf(record.code())
                .ifPresent(
                    category ->
                        emit(updates.forDestinationCategory(category, date, partnerRef, person)));
          }
        }
        case CURRENT_LIVING_SITUATION -> {
          // a current living situation is recorded as housing status only
        }
      }
    }

    private void emit(Optional<TaskStatusUpdate> update) {
      update.ifPresent(
          u -> {
            sink.taskUpdate(u);
            updateCount++;
          });
    }

    private LocalDate date(String column, String raw, boolean required) {
      String value = raw.trim();
      if (value.isEmpty()) {
        if (required) {
          throw new IllegalArgumentException(column + " is empty");
        }
        return null;
      }
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(column + " '" + value + "' is not a date (yyyy-MM-dd)");
      }
    }

    private void reject(long lineNo, String reason) {
      rejectedCount++;
      if (rejectedCount <= MAX_LISTED_REJECTIONS_PER_FILE) {
        rejected.add(new RejectedRow(spec.name(), lineNo, reason));
      }
    }

    private HmisFileCounts counts() {
      if (rejectedCount > MAX_LISTED_REJECTIONS_PER_FILE) {
        rejected.add(
            new RejectedRow(
                spec.name(),
                0,
                (rejectedCount - MAX_LISTED_REJECTIONS_PER_FILE)
                    + " more rejected rows not listed"));
      }
      return new HmisFileCounts(
          spec.name(),
          read,
          matched,
          unmatched,
          deleted,
          beforeReferral,
          observationCount,
          noAnswer,
          updateCount,
          rejectedCount);
    }
  }
}
