package org.continuumcare.routes.prison;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of the MLLP frame decoder of one connection (camel-hl7's decoder waits for the
 * end block forever, has no size limit and scans everything received so far again on each read) and
 * bounds what a sender can hold open. It collects each frame up to its end block and passes it on
 * whole, in one read (so the decoder scans it once: a 4 MB frame no longer takes seconds of
 * rescanning):
 *
 * <ul>
 *   <li>a frame still without its end block (FS CR) {@code frameTimeout} after its first byte is
 *       dropped and the connection closed (a half-sent frame, or one trickled a byte at a time),
 *       with one WARN line;
 *   <li>a frame growing past {@code maxFrameBytes} is not kept: the rest is read and discarded up
 *       to its end block, then the sender gets the AR that {@code tooLarge} builds from the frame's
 *       first bytes (its MSH) and the connection is closed, with one WARN line.
 * </ul>
 *
 * Frames are passed on unchanged otherwise. The log lines name the peer address, sizes and times,
 * never content.
 */
final class MllpFrameGuard extends ChannelInboundHandlerAdapter {

  static final int START_BLOCK = 0x0b;
  static final int END_BLOCK = 0x1c;
  static final int CARRIAGE_RETURN = 0x0d;

  /** How much of a frame's start is kept to answer an oversized frame (its MSH). */
  static final int HEAD_BYTES = 4096;

  private static final Logger log = LoggerFactory.getLogger(MllpFrameGuard.class);

  private final Duration frameTimeout;
  private final long maxFrameBytes;
  private final BiFunction<String, Long, String> tooLarge;
  private final byte[] head = new byte[HEAD_BYTES];
  private int headLength;
  private long pending;
  private int previous = -1;
  private boolean discarding;
  private boolean closed;
  private ScheduledFuture<?> deadline;

  /** The current frame's bytes of earlier reads (null while it lies within one read). */
  private ByteBuf frame;

  MllpFrameGuard(
      Duration frameTimeout, long maxFrameBytes, BiFunction<String, Long, String> tooLarge) {
    this.frameTimeout = Objects.requireNonNull(frameTimeout, "frameTimeout");
    this.maxFrameBytes = maxFrameBytes;
    this.tooLarge = Objects.requireNonNull(tooLarge, "tooLarge");
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf in)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      if (!closed) {
        read(ctx, in);
      }
    } finally {
      in.release();
    }
  }

  private void read(ChannelHandlerContext ctx, ByteBuf in) {
    int to = in.writerIndex();
    int frameFrom = in.readerIndex();
    for (int i = frameFrom; i < to; i++) {
      int b = in.getByte(i) & 0xff;
      if (pending == 0) {
        startFrame(ctx);
      }
      pending++;
      if (headLength < HEAD_BYTES) {
        head[headLength++] = (byte) b;
      }
      boolean end = previous == END_BLOCK && b == CARRIAGE_RETURN;
      previous = b;
      if (discarding) {
        if (end) {
          answerTooLarge(ctx);
          return;
        }
      } else if (end) {
        ByteBuf whole =
            frame == null
                ? in.retainedSlice(frameFrom, i + 1 - frameFrom)
                : frame.writeBytes(in, frameFrom, i + 1 - frameFrom);
        frame = null;
        endFrame();
        frameFrom = i + 1;
        ctx.fireChannelRead(whole);
        if (closed) {
          return;
        }
      } else if (pending > maxFrameBytes) {
        discarding = true;
        releaseFrame();
      }
    }
    if (!discarding && pending > 0 && to > frameFrom) {
      if (frame == null) {
        frame = ctx.alloc().buffer(to - frameFrom);
      }
      frame.writeBytes(in, frameFrom, to - frameFrom);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    closed = true;
    cancelDeadline();
    releaseFrame();
    super.channelInactive(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancelDeadline();
    releaseFrame();
  }

  private void releaseFrame() {
    if (frame != null) {
      frame.release();
      frame = null;
    }
  }

  private void startFrame(ChannelHandlerContext ctx) {
    headLength = 0;
    deadline =
        ctx.executor().schedule(() -> timedOut(ctx), frameTimeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void endFrame() {
    pending = 0;
    previous = -1;
    cancelDeadline();
  }

  private void timedOut(ChannelHandlerContext ctx) {
    if (closed) {
      return;
    }
    closed = true;
    releaseFrame();
    log.warn(
        "MLLP connection {}: frame incomplete {} ms after its first byte ({} bytes, no end block);"
            + " dropped, connection closed",
        ctx.channel().remoteAddress(),
        frameTimeout.toMillis(),
        pending);
    ctx.close();
  }

  private void answerTooLarge(ChannelHandlerContext ctx) {
    closed = true;
    cancelDeadline();
    log.warn(
        "MLLP connection {}: frame of {} bytes is over the limit of {} bytes; discarded, answered AR,"
            + " connection closed",
        ctx.channel().remoteAddress(),
        pending,
        maxFrameBytes);
    String start = new String(head, 0, headLength, StandardCharsets.UTF_8);
    int mshAt = start.indexOf("MSH");
    String ack = tooLarge.apply(mshAt < 0 ? "" : start.substring(mshAt), maxFrameBytes);
    ctx.writeAndFlush(ack).addListener(ChannelFutureListener.CLOSE);
  }

  private void cancelDeadline() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }
}
