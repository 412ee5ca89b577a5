import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * End to end over HTTP: N JSON release handoffs ({@code POST /api/handoffs}, the documented example with
 * its own handoff id and its own person each; the citations of the demo person's assessment and consent
 * are left out, since a new person has none) sent by C clients, one at a time each; the time from sending
 * to the whole response read is the latency. The answer (201) comes after the FHIR transaction commits.
 * Prints handoffs/s, latency p50/p95/p99/max and the count of each HTTP status. Single-file, JDK only:
 *   java bench/prison/HttpJsonHandoffBench.java BASE_URL TOKEN MESSAGES CLIENTS [RUN-ID]
 * RATE=n paces the sends to n handoffs/s across all clients (open loop).
 */
public final class HttpJsonHandoffBench {

    private static final String EXAMPLE = "camel-routes/src/main/resources/prison/release-handoff.example.json";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int messages = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        String run = args.length > 4 ? args[4] : Long.toString(System.currentTimeMillis(), 36);
        String example = Files.readString(Path.of(EXAMPLE));
        String template = example
                .replaceAll(",\\s*\"latestAssessment\"\\s*:\\s*\\{[^}]*\\}", "")
                .replaceAll(",\\s*\"consent\"\\s*:\\s*\\{[^}]*\\}", "");
        if (!template.contains("\"RCF-2026-1215-00417\"") || !template.contains("\"RCF-2024-00417\"")
                || template.contains("latestAssessment") || template.contains("\"consent\"")) {
            throw new IllegalStateException("the example handoff changed: " + EXAMPLE);
        }
        double rate = System.getenv("RATE") == null ? 0 : Double.parseDouble(System.getenv("RATE"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[messages];
        Map<Integer, LongAdder> codes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                    String body = template
                            .replace("\"RCF-2026-1215-00417\"", "\"H" + run + "m" + i + "\"")
                            .replace("\"RCF-2024-00417\"", "\"H" + run + "x" + i + "\"");
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/handoffs"))
                            .timeout(Duration.ofSeconds(120))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    if (rate > 0) {
                        long due = started + (long) (i * 1e9 / rate);
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                    }
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - t0;
                    codes.computeIfAbsent(response.statusCode(), k -> new LongAdder()).increment();
                    if (response.statusCode() != 201 && codes.get(response.statusCode()).sum() == 1) {
                        System.err.println("HTTP " + response.statusCode() + ": " + response.body());
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
        Map<Integer, Long> byCode = new TreeMap<>();
        codes.forEach((k, v) -> byCode.put(k, v.sum()));
        System.out.printf("json handoffs %d, clients %d, %.1f s, %.1f handoffs/s; ms p50 %.0f, p95 %.0f, p99 %.0f, max %.0f;"
                        + " HTTP %s%n", messages, clients, seconds, messages / seconds, pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted[sorted.length - 1] / 1e6, byCode);
    }

    private static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
