package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The MLLP frame guard on an embedded channel with a frozen clock: timeouts without waiting, sizes
 * exactly.
 */
class MllpFrameGuardTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final int MAX = 2048;
  private final List<String> oversizedStarts = new ArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private EmbeddedChannel channel;

  @BeforeEach
  void channel() {
    channel = new EmbeddedChannel();
    channel.freezeTime();
    channel
        .pipeline()
        .addLast(
            new MllpFrameGuard(
                TIMEOUT,
                MAX,
                (start, limit) -> {
                  oversizedStarts.add(start);
                  return "AR for a frame over " + limit;
                }));
    logs.start();
    ((Logger) LoggerFactory.getLogger(MllpFrameGuard.class)).addAppender(logs);
  }

  @AfterEach
  void detach() {
    ((Logger) LoggerFactory.getLogger(MllpFrameGuard.class)).detachAppender(logs);
    channel.finishAndReleaseAll();
  }

  private static byte[] frame(String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(MllpFrameGuard.START_BLOCK);
    out.writeBytes(message.getBytes(StandardCharsets.UTF_8));
    out.write(MllpFrameGuard.END_BLOCK);
    out.write(MllpFrameGuard.CARRIAGE_RETURN);
    return out.toByteArray();
  }

  private void send(byte[] bytes) {
    channel.writeInbound(Unpooled.wrappedBuffer(bytes));
  }

  private String passedOn() {
    StringBuilder all = new StringBuilder();
    for (ByteBuf buf = channel.readInbound(); buf != null; buf = channel.readInbound()) {
      all.append(buf.toString(StandardCharsets.UTF_8));
      buf.release();
    }
    return all.toString();
  }

  private void advance(Duration time) {
    channel.advanceTimeBy(time.toNanos(), TimeUnit.NANOSECONDS);
    channel.runScheduledPendingTasks();
  }

  @Test
  void completeFramesPassUnchangedAndTheConnectionStaysOpen() {
    byte[] two =
        (new String(frame("MSH|one"), StandardCharsets.UTF_8)
                + new String(frame("MSH|two"), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);

    send(two);
    advance(TIMEOUT.multipliedBy(2));

    assertThat(passedOn()).isEqualTo(new String(two, StandardCharsets.UTF_8));
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void aHalfSentFrameIsDroppedAndTheConnectionClosedAfterTheTimeoutWithAWarnWithoutContent() {
    send(new byte[] {MllpFrameGuard.START_BLOCK});
    send("MSH|^~\\&|JMS|RCF\rPID|1||SECRET-NAME".getBytes(StandardCharsets.UTF_8));

    advance(TIMEOUT.minusMillis(1));
    assertThat(channel.isOpen()).isTrue();
    advance(Duration.ofMillis(1));

    assertThat(channel.isOpen()).isFalse();
    assertThat(passedOn()).as("the partial frame never reaches the decoder").isEmpty();
    assertThat(logs.list)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.WARN);
              assertThat(event.getFormattedMessage())
                  .contains("frame incomplete")
                  .contains("36 bytes")
                  .doesNotContain("SECRET")
                  .doesNotContain("MSH");
            });
  }

  @Test
  void aFrameTrickledAByteAtATimeStillTimesOutFromItsFirstByte() {
    send(new byte[] {MllpFrameGuard.START_BLOCK});
    for (int i = 0; i < 14; i++) {
      advance(Duration.ofSeconds(1));
      send(new byte[] {'x'});
    }
    assertThat(channel.isOpen()).isTrue();

    advance(Duration.ofSeconds(1));

    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void theTimeoutStartsAgainWithEachFrame() {
    send(frame("MSH|one"));
    advance(TIMEOUT.minusSeconds(1));
    send(new byte[] {MllpFrameGuard.START_BLOCK, 'M'});
    advance(TIMEOUT.minusSeconds(1));

    assertThat(channel.isOpen()).isTrue();
    advance(Duration.ofSeconds(1));
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void anEndBlockSplitAcrossReadsEndsTheFrame() {
    byte[] whole = frame("MSH|one");
    byte[] first = java.util.Arrays.copyOf(whole, whole.length - 1);

    send(first);
    send(new byte[] {MllpFrameGuard.CARRIAGE_RETURN});
    advance(TIMEOUT.multipliedBy(2));

    assertThat(channel.isOpen()).isTrue();
    assertThat(passedOn()).isEqualTo(new String(whole, StandardCharsets.UTF_8));
  }

  @Test
  void anOversizedFrameIsDiscardedToItsEndThenAnsweredAndTheConnectionClosed() {
    String message =
        "MSH|^~\\&|JMS|RCF|||20261124||ADT^A03|BIG-1|P|2.5.1\rPID|1||" + "x".repeat(3 * MAX);
    byte[] bytes = frame(message);

    send(java.util.Arrays.copyOf(bytes, 1000));
    send(java.util.Arrays.copyOfRange(bytes, 1000, bytes.length - 2));
    assertThat(channel.isOpen()).isTrue();
    assertThat((Object) channel.readOutbound()).isNull();
    send(java.util.Arrays.copyOfRange(bytes, bytes.length - 2, bytes.length));

    assertThat((String) channel.readOutbound()).isEqualTo("AR for a frame over " + MAX);
    assertThat(oversizedStarts)
        .singleElement()
        .satisfies(
            start ->
                assertThat(start)
                    .startsWith("MSH|^~\\&|JMS|RCF|||20261124||ADT^A03|BIG-1|P|2.5.1\r"));
    assertThat(passedOn()).as("nothing of it reaches the decoder").isEmpty();
    assertThat(channel.isOpen()).isFalse();
    assertThat(logs.list)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.WARN);
              assertThat(event.getFormattedMessage())
                  .contains("over the limit of 2048 bytes")
                  .doesNotContain("xxx");
            });
  }

  @Test
  void aFrameArrivingInManyReadsIsPassedOnWholeInOneRead() {
    byte[] whole = frame("MSH|" + "y".repeat(1500));

    for (int from = 0; from < whole.length; from += 100) {
      send(java.util.Arrays.copyOfRange(whole, from, Math.min(whole.length, from + 100)));
    }

    ByteBuf passed = channel.readInbound();
    assertThat(passed.toString(StandardCharsets.UTF_8))
        .isEqualTo(new String(whole, StandardCharsets.UTF_8));
    passed.release();
    assertThat((Object) channel.readInbound()).isNull();
  }

  @Test
  void anOversizedFrameNeverEndedTimesOut() {
    send(new byte[] {MllpFrameGuard.START_BLOCK});
    send(("MSH|" + "x".repeat(3 * MAX)).getBytes(StandardCharsets.UTF_8));

    advance(TIMEOUT);

    assertThat(channel.isOpen()).isFalse();
    assertThat((Object) channel.readOutbound()).isNull();
  }
}
