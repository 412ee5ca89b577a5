import java.io.BufferedReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.continuumcare.routes.hmis.HmisCsvImporter;
import org.continuumcare.routes.hmis.HmisExport;
import org.continuumcare.routes.hmis.HmisImportReport;
import org.continuumcare.routes.hmis.HmisImportSettings;
import org.continuumcare.routes.hmis.HmisImportSink;
import org.continuumcare.routes.hmis.HmisTaskUpdateMapper;
import org.continuumcare.routes.hmis.HousingStatusObservation;
import org.continuumcare.routes.hmis.HousingStatusObservationMapper;
import org.continuumcare.routes.hmis.ReferredPerson;
import org.continuumcare.routes.hmis.ReferredPersonIndex;
import org.continuumcare.routes.partnerjson.PartnerCodeMap;
import org.continuumcare.routes.referral.TaskStatusUpdate;
import org.continuumcare.terminology.CodeSystemLookup;
import org.continuumcare.terminology.ConceptMapTranslator;

/**
 * HMIS import throughput (rows read per second) over an HMIS CSV export, for two indexes: a handful of referred
 * persons (the usual case: most rows are skipped after the PersonalID lookup) and every person of the export
 * (every row is validated and mapped to an Observation). Single-file program: see run.sh.
 */
public final class HmisImportBench {

    private static final String PID = "https://continuumcare.org/fhir/sid/hmis-personal-id/demo-housing";

    public static void main(String[] args) throws Exception {
        Path zip = Path.of(args.length > 0 ? args[0] : "camel-routes/src/test/resources/housing/hmis-csv-fy2026-demo.zip");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        HmisImportSettings settings = new HmisImportSettings(PID, HmisImportSettings.DEFAULT_RECORD_ID_SYSTEM,
                ZoneId.of("America/New_York"), "demo-housing");
        HmisCsvImporter importer = new HmisCsvImporter(settings,
                new HousingStatusObservationMapper(ConceptMapTranslator.shared(), CodeSystemLookup.shared(),
                        settings.recordIdSystem()),
                new HmisTaskUpdateMapper(PartnerCodeMap.fromClasspath(HmisTaskUpdateMapper.OUTCOME_MAP_RESOURCE),
                        settings.zone()));
        measure("5 referred persons", importer, zip, index(List.of("68121", "641913", "2615", "3166", "9375")),
                warmup, runs);
        measure("every person referred", importer, zip, index(allPersonalIds(zip)), warmup, runs);
    }

    private static void measure(String label, HmisCsvImporter importer, Path zip, ReferredPersonIndex index,
            int warmup, int runs) throws Exception {
        List<Double> rates = new ArrayList<>();
        HmisImportReport last = null;
        for (int i = 0; i < warmup + runs; i++) {
            long[] produced = new long[1];
            HmisImportSink sink = new HmisImportSink() {
                @Override
                public void observation(HousingStatusObservation observation) {
                    produced[0]++;
                }

                @Override
                public void taskUpdate(TaskStatusUpdate update) {
                    produced[0]++;
                }
            };
            long t0 = System.nanoTime();
            try (HmisExport export = HmisExport.of(zip)) {
                last = importer.importExport(export, index, sink);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (i >= warmup) {
                rates.add(last.read() / seconds);
            }
        }
        rates.sort(Double::compare);
        System.out.printf("%-22s rows %d, matched %d, observations %d, task updates %d, rejected %d%n", label,
                last.read(), last.matched(), last.observations(), last.taskUpdates(), last.rejected().size());
        System.out.printf("%-22s rows/s over %d runs: min %.0f, median %.0f, max %.0f%n", label, runs, rates.get(0),
                rates.get(rates.size() / 2), rates.get(rates.size() - 1));
        last.rejected().stream().limit(5).forEach(r -> System.out.printf("%-22s rejected %s row %d: %s%n", label,
                r.file(), r.row(), r.reason()));
    }

    private static ReferredPersonIndex index(List<String> personalIds) {
        ReferredPersonIndex.Builder b = ReferredPersonIndex.builder();
        for (String id : personalIds) {
            b.add(PID, id, new ReferredPerson("pat-" + id, "sr-" + id, "task-" + id, (LocalDate) null));
        }
        return b.build();
    }

    /** PersonalIDs of Enrollment.csv (second column). */
    private static List<String> allPersonalIds(Path zip) throws Exception {
        Set<String> ids = new HashSet<>();
        try (HmisExport export = HmisExport.of(zip); BufferedReader in = export.open("Enrollment.csv").orElseThrow()) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",", 3);
                if (f.length > 1) {
                    ids.add(f[1].replace("\"", ""));
                }
            }
        }
        return new ArrayList<>(ids);
    }
}
