import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import ca.uhn.fhir.context.FhirContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToLongFunction;
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
 * Would HAPI HL7v2 keep v2 -> FHIR translation above 2,000 msg/s on one core? Measures, on one thread over the
 * same five accepted sample ADT messages as Hl7v2TranslationBench:
 * (1) the hand-written ER7 reader alone (PrisonHl7v2Parser.parse);
 * (2) HAPI HL7v2 2.6 (hapi-base only, as on the classpath through camel-hl7: generic model, no structure jars,
 *     validation off): PipeParser.parse + a Terser read of every field the handoff mapper uses + generateACK +
 *     encode of the ACK;
 * (3) today's whole translation (reader, structure and length checks, mapping, transaction Bundle, ACK);
 * (4) (2) and (3) back to back per message: a conservative figure for a HAPI-based translation, since it still
 *     pays for the hand-written reader too.
 * Messages per second of the thread's CPU time (what "one core" means on a shared machine) and per wall second.
 * Single-file program: see run-hapi.sh.
 */
public final class HapiHl7v2ParseBench {

    private static final List<String> ACCEPTED = List.of("ADT-A03-01.hl7", "ADT-A03-02.hl7", "ADT-A04-01.hl7",
            "ADT-A04-02.hl7", "ADT-A08-01.hl7");

    /** The fields PrisonHl7v2HandoffMapper reads (first repetition / component paths as a Terser names them). */
    private static final List<String> FIELDS = List.of("/MSH-3-1", "/MSH-4-1", "/MSH-7", "/MSH-9-1", "/MSH-9-2",
            "/MSH-10", "/MSH-11", "/MSH-12", "/MSH-15", "/MSH-16", "/EVN-2", "/EVN-4", "/EVN-6", "/PID-3(0)-1",
            "/PID-3(0)-4-1", "/PID-3(0)-4-2", "/PID-3(0)-4-3", "/PID-3(1)-1", "/PID-5(0)-1-1", "/PID-5(0)-2",
            "/PID-7", "/PID-8", "/PV1-3-4", "/PV1-19-1", "/PV1-36", "/PV1-45", "/PV2-9", "/DG1-3-1", "/DG1-3-3",
            "/DG1-5", "/RXE-2-1", "/RXE-2-3", "/RXE-2-4", "/RXE-7-1", "/RXE-10", "/RXE-11-1", "/RXD-2-1",
            "/RXD-4", "/RXD-5-1");

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Path.of("camel-routes/src/test/resources/prison/hl7v2");
        List<String> messages = new ArrayList<>();
        for (String name : ACCEPTED) {
            messages.add(Files.readString(dir.resolve(name)));
        }
        HapiContext hapi = new DefaultHapiContext();
        hapi.setValidationContext(ValidationContextFactory.noValidation());
        hapi.setModelClassFactory(new GenericModelClassFactory());
        PipeParser pipe = hapi.getPipeParser();
        FhirContext fhir = FhirContext.forR4Cached();
        Clock clock = Clock.systemUTC();
        PrisonHl7v2Parser reader = new PrisonHl7v2Parser();
        PrisonHl7v2Translator translator = new PrisonHl7v2Translator(reader,
                new PrisonHl7v2HandoffMapper(ConceptMapTranslator.shared(),
                        LocalConceptMap.load(fhir, "v2-0001-to-administrative-gender"), new CodingSystemNames(),
                        new MedicationClassifier(ConceptMapTranslator.shared()), HandoffDefaults.demo(), clock),
                new ReleaseHandoffTransactionMapper(ConceptMapTranslator.shared(), HandoffDefaults.demo(), clock,
                        UUID::randomUUID),
                new Hl7v2AckBuilder(clock, () -> UUID.randomUUID().toString()));
        ToLongFunction<String> handReader = m -> reader.parse(m).hashCode();
        ToLongFunction<String> hapiParse = m -> hapi(pipe, m);
        ToLongFunction<String> translate = m -> {
            Hl7v2Intake intake = translator.translate(m);
            if (!(intake instanceof Hl7v2Intake.Translated t)) {
                throw new IllegalStateException("a sample message was not translated");
            }
            return t.transaction().getEntry().size();
        };
        ToLongFunction<String> both = m -> hapiParse.applyAsLong(m) + translate.applyAsLong(m);
        for (int i = 0; i < messages.size(); i++) {
            System.out.printf("%s: HAPI read %d characters (mapped fields + ACK)%n", ACCEPTED.get(i),
                    hapi(pipe, messages.get(i)));
        }
        System.out.printf("warm-up ...%n");
        for (ToLongFunction<String> f : List.of(handReader, hapiParse, translate, both)) {
            measure(f, messages, 3);
        }
        for (int run = 1; run <= runs; run++) {
            double[] a = measure(handReader, messages, seconds);
            double[] b = measure(hapiParse, messages, seconds);
            double[] c = measure(translate, messages, seconds);
            double[] d = measure(both, messages, seconds);
            System.out.printf("run %d (msg per CPU-second / per wall second): hand reader %,.0f / %,.0f;"
                    + " HAPI parse+Terser+ACK %,.0f / %,.0f; translation today %,.0f / %,.0f;"
                    + " HAPI + translation %,.0f / %,.0f%n",
                    run, a[1], a[0], b[1], b[0], c[1], c[0], d[1], d[0]);
        }
        hapi.close();
    }

    private static long hapi(PipeParser pipe, String er7) {
        try {
            // The samples end segments with LF (as files do); HL7 wants CR, which HAPI requires: normalise, as the
            // hand-written reader does, and count it.
            Message message = pipe.parse(er7.replace("\r\n", "\r").replace('\n', '\r'));
            Terser terser = new Terser(message);
            long chars = 0;
            for (String path : FIELDS) {
                String value;
                try {
                    value = terser.get(path);
                } catch (ca.uhn.hl7v2.HL7Exception absent) {
                    value = null; // the segment is not in this message (e.g. no RXE, no EVN)
                }
                chars += value == null ? 0 : value.length();
            }
            chars += pipe.encode(message.generateACK()).length();
            return chars;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {messages per wall-clock second, messages per second of this thread's CPU time}. */
    private static double[] measure(ToLongFunction<String> step, List<String> messages, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long count = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            sink += step.applyAsLong(messages.get((int) (count % messages.size())));
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
