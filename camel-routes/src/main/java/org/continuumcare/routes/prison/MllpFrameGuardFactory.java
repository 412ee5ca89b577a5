package org.continuumcare.routes.prison;

import io.netty.channel.ChannelHandler;
import java.util.Objects;
import java.util.function.BiFunction;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;

/** A new {@link MllpFrameGuard} for each MLLP connection (the netty endpoint's first decoder). */
final class MllpFrameGuardFactory extends DefaultChannelHandlerFactory {

  private final PrisonProperties.Mllp settings;
  private final BiFunction<String, Long, String> tooLarge;

  MllpFrameGuardFactory(PrisonProperties.Mllp settings, BiFunction<String, Long, String> tooLarge) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.tooLarge = Objects.requireNonNull(tooLarge, "tooLarge");
  }

  @Override
  public ChannelHandler newChannelHandler() {
    return new MllpFrameGuard(settings.frameTimeout(), settings.maxFrameSize().toBytes(), tooLarge);
  }
}
