package org.continuumcare.gateway.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Stops the suite in order when the last test has run: first the Spring application context (Camel
 * drains its routes, the relay and HAPI's schedulers stop, the connection pool closes), then the
 * embedded PostgreSQL it uses. Left to the JVM's shutdown hooks (Spring's and zonky's), both ran at
 * once and the database often went first: hundreds of lines of connection errors, Camel waiting for
 * exchanges stuck on the pool, the test fork killed after 30 s.
 */
public final class ShutdownInOrder implements BeforeAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ShutdownInOrder.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    // The root store is closed when the whole run ends, before the JVM exits.
    Closer closer =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Closer.class, key -> new Closer(), Closer.class);
    if (SpringExtension.getApplicationContext(context)
        instanceof ConfigurableApplicationContext application) {
      closer.contexts.add(application);
    }
  }

  private static final class Closer implements ExtensionContext.Store.CloseableResource {

    private final Set<ConfigurableApplicationContext> contexts = ConcurrentHashMap.newKeySet();

    @Override
    public void close() {
      try {
        contexts.forEach(ConfigurableApplicationContext::close);
      } finally {
        EmbeddedPostgresDatabase.stop();
      }
    }
  }
}
