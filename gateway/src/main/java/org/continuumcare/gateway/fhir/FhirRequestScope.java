package org.continuumcare.gateway.fhir;

/**
 * Marks the thread serving a request of the FHIR REST API ({@code /fhir}) for as long as it does, so
 * that what is meant for API requests only (the statement timeout of their database transactions,
 * quieter logging of their expected refusals) never touches the work the gateway does of its own
 * accord (relay deliveries, audit, migrations, package install, reindex jobs), which runs on
 * threads that never enter a scope.
 */
final class FhirRequestScope implements AutoCloseable {

  private static final ThreadLocal<FhirRequestScope> CURRENT = new ThreadLocal<>();

  private final FhirRequestScope previous;

  private FhirRequestScope(FhirRequestScope previous) {
    this.previous = previous;
  }

  /** Enters a scope on this thread; close it (try-with-resources) when the request is answered. */
  static FhirRequestScope enter() {
    FhirRequestScope scope = new FhirRequestScope(CURRENT.get());
    CURRENT.set(scope);
    return scope;
  }

  static boolean isActive() {
    return CURRENT.get() != null;
  }

  @Override
  public void close() {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
