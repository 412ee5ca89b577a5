import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.continuumcare.routes.prison.CodingSystemNames;
import org.continuumcare.routes.prison.HandoffDefaults;
import org.continuumcare.routes.prison.Hl7v2AckBuilder;
import org.continuumcare.routes.prison.Hl7v2Intake;
import org.continuumcare.routes.prison.LocalConceptMap;
import org.continuumcare.routes.prison.MedicationClassifier;
import org.continuumcare.routes.prison.PrisonHl7v2HandoffMapper;
import org.continuumcare.routes.prison.PrisonHl7v2Parser;
import org.continuumcare.routes.prison.PrisonHl7v2Translator;
import org.continuumcare.routes.prison.ReleaseHandoffTransactionMapper;
import org.continuumcare.terminology.ConceptMapTranslator;

/**
 * Messages per second of HL7 v2 -> FHIR handoff translation on one thread (per wall-clock second, and per second
 * of the thread's CPU time, which is what "one core" means on a shared machine): the accepted sample ADT messages
 * (5 dense v2.8 ones, 2.5-8.6 KB) translated round-robin, then the same with the transaction serialised to JSON.
 * Single-file program: see run.sh.
 */
public final class Hl7v2TranslationBench {

    private static final List<String> ACCEPTED = List.of("ADT-A03-01.hl7", "ADT-A03-02.hl7", "ADT-A04-01.hl7",
            "ADT-A04-02.hl7", "ADT-A08-01.hl7");

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Path.of("camel-routes/src/test/resources/prison/hl7v2");
        List<String> messages = new ArrayList<>();
        for (String name : ACCEPTED) {
            messages.add(Files.readString(dir.resolve(name)));
        }
        FhirContext fhir = FhirContext.forR4Cached();
        Clock clock = Clock.systemUTC();
        PrisonHl7v2Translator translator = new PrisonHl7v2Translator(new PrisonHl7v2Parser(),
                new PrisonHl7v2HandoffMapper(ConceptMapTranslator.shared(),
                        LocalConceptMap.load(fhir, "v2-0001-to-administrative-gender"), new CodingSystemNames(),
                        new MedicationClassifier(ConceptMapTranslator.shared()), HandoffDefaults.demo(), clock),
                new ReleaseHandoffTransactionMapper(ConceptMapTranslator.shared(), HandoffDefaults.demo(), clock,
                        UUID::randomUUID),
                new Hl7v2AckBuilder(clock, () -> UUID.randomUUID().toString()));
        IParser json = fhir.newJsonParser();
        for (String message : messages) {
            if (!(translator.translate(message) instanceof Hl7v2Intake.Translated)) {
                throw new IllegalStateException("a sample message was not translated");
            }
        }
        System.out.printf("warm-up ...%n");
        measure(translator, json, messages, 3, false);
        measure(translator, json, messages, 3, true);
        for (int run = 1; run <= runs; run++) {
            double[] plain = measure(translator, json, messages, seconds, false);
            double[] serialised = measure(translator, json, messages, seconds, true);
            System.out.printf("run %d: translate %,.0f msg/s wall, %,.0f msg per CPU-second;"
                    + " translate + JSON %,.0f msg/s wall, %,.0f msg per CPU-second%n",
                    run, plain[0], plain[1], serialised[0], serialised[1]);
        }
    }

    /** {messages per wall-clock second, messages per second of this thread's CPU time}. */
    private static double[] measure(PrisonHl7v2Translator translator, IParser json, List<String> messages,
            double seconds, boolean serialise) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long count = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            Hl7v2Intake intake = translator.translate(messages.get((int) (count % messages.size())));
            if (serialise) {
                sink += json.encodeResourceToString(((Hl7v2Intake.Translated) intake).transaction()).length();
            } else {
                sink += ((Hl7v2Intake.Translated) intake).transaction().getEntry().size();
            }
            count++;
        }
        if (sink == ThreadLocalRandom.current().nextLong()) {
            System.out.println(sink);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return new double[] {count / wall, count / cpu};
    }
}
