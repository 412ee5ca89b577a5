import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * End to end over MLLP: N HL7 v2 release messages (the ADT^A04 sample, each with its own person in PID-3
 * and its own MSH-10) sent by C clients, each on its own connection, one message at a time; the time from
 * the first byte sent to the whole ACK read is the ACK latency. Prints msg/s, ACK p50/p95/p99/max and the
 * count of each MSA-1 code. Single-file program, JDK only:
 *   java bench/prison/MllpEndToEndBench.java HOST PORT MESSAGES CLIENTS [RUN-ID]
 * Environment: ACK_MODE=accept-only sets MSH-15 AL and MSH-16 NE (HL7 enhanced mode, accept acknowledgment only:
 * the gateway answers CA once the handoff is queued); RATE=n paces the sends to n messages/s across all clients
 * (open loop; unset: each client sends its next message as soon as it has the ACK); METRICS_URL=the gateway's
 * /actuator/prometheus makes it wait, after the last ACK, until the handoff queue is empty (every handoff stored
 * as FHIR or dead-lettered) and print that time too.
 */
public final class MllpEndToEndBench {

    private static final byte START = 0x0b;
    private static final byte END_1 = 0x1c;
    private static final byte END_2 = 0x0d;
    private static final String PID3_FIRST = "PID|1|1234567^4^M11^test^MR^University Hospital^19241011^19241012|PATID1234^";

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int messages = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        String run = args.length > 4 ? args[4] : Long.toString(System.currentTimeMillis(), 36);
        String sample = Files.readString(Path.of("camel-routes/src/test/resources/prison/hl7v2/ADT-A04-01.hl7"));
        if (!sample.contains(PID3_FIRST)) {
            throw new IllegalStateException("the sample's PID-3 changed");
        }
        String template = "accept-only".equals(System.getenv("ACK_MODE")) ? acceptOnly(sample) : sample;
        double rate = System.getenv("RATE") == null ? 0 : Double.parseDouble(System.getenv("RATE"));
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[messages];
        Map<String, LongAdder> codes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                try (Socket socket = new Socket(host, port)) {
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(120_000);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                        String person = "B" + run + "x" + i;
                        String message = template.replace(PID3_FIRST,
                                "PID|1|1234567^4^M11^test^MR^University Hospital^19241011^19241012|" + person + "^")
                                .replace("|MSG00001|", "|B" + run + "m" + i + "|");
                        byte[] body = message.getBytes(StandardCharsets.UTF_8);
                        if (rate > 0) {
                            long due = started + (long) (i * 1e9 / rate);
                            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                        }
                        long t0 = System.nanoTime();
                        out.write(START);
                        out.write(body);
                        out.write(END_1);
                        out.write(END_2);
                        out.flush();
                        String ack = readFrame(in);
                        latencies[i] = System.nanoTime() - t0;
                        codes.computeIfAbsent(msa1(ack), k -> new LongAdder()).increment();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        Map<String, Long> byCode = new TreeMap<>();
        codes.forEach((k, v) -> byCode.put(k, v.sum()));
        System.out.printf("messages %d, clients %d, %.1f s, %.1f msg/s; ACK ms p50 %.0f, p95 %.0f, p99 %.0f, max %.0f; MSA-1 %s%n",
                messages, clients, seconds, messages / seconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted[sorted.length - 1] / 1e6, byCode);
        String metrics = System.getenv("METRICS_URL");
        if (metrics != null) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            long waiting;
            long polls = 0;
            do {
                if (polls++ > 0) {
                    Thread.sleep(100);
                }
                String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(metrics)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                waiting = gauge(body, "pending") + gauge(body, "in_flight");
            } while (waiting > 0);
            double stored = (System.nanoTime() - started) / 1e9;
            System.out.printf("queue empty (all stored as FHIR or dead-lettered) %.1f s after the first send: %.1f handoffs/s stored, dead letters %d%n",
                    stored, messages / stored, gauge(http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(metrics)).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                            .body(), "dead"));
        }
    }

    /** The value of {@code continuum_prison_handoff_queue{state="..."}} in a Prometheus scrape. */
    private static long gauge(String scrape, String state) {
        String name = "continuum_prison_handoff_queue{";
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name) && line.contains("state=\"" + state + "\"")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new IllegalStateException("no " + name + "state=" + state + "} in the scrape: is it the gateway's"
                + " /actuator/prometheus?");
    }

    /** MSH-15 AL, MSH-16 NE: enhanced mode, the accept acknowledgment only. */
    private static String acceptOnly(String message) {
        String[] segments = message.split("\r\n|\r|\n", -1);
        String[] msh = segments[0].split("\\|", -1);
        String[] fields = Arrays.copyOf(msh, Math.max(msh.length, 16));
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i] == null ? "" : fields[i];
        }
        fields[14] = "AL";
        fields[15] = "NE";
        segments[0] = String.join("|", fields);
        return String.join("\r", segments);
    }

    private static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String readFrame(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != START) {
            if (b < 0) {
                throw new IOException("connection closed before an ACK");
            }
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        while ((b = in.read()) >= 0) {
            if (b == END_1) {
                in.read();
                return frame.toString(StandardCharsets.UTF_8);
            }
            frame.write(b);
        }
        throw new IOException("connection closed inside an ACK");
    }

    private static String msa1(String ack) {
        for (String segment : ack.split("[\r\n]+")) {
            if (segment.startsWith("MSA|")) {
                return segment.split("\\|", -1)[1];
            }
        }
        return "none";
    }
}
