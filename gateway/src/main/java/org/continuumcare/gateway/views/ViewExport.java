package org.continuumcare.gateway.views;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

/**
 * One {@code $viewdefinition-export}: who asked, for what, where its files go and how far it got.
 * {@code outputs} grows as views finish.
 */
final class ViewExport {

  enum Status {
    ACCEPTED,
    IN_PROGRESS,
    COMPLETED,
    FAILED,
    CANCELLED
  }

  /** One exported view: its name, file and row count. */
  record Output(String name, String file, long rows) {}

  final String id;
  final String clientId;
  final Instant requested;
  final String request;
  final RunFormat format;
  final Path folder;
  final int views;
  final List<Output> outputs = new CopyOnWriteArrayList<>();
  volatile Status status = Status.ACCEPTED;
  volatile String error;
  volatile Instant finished;
  volatile Future<?> task;

  ViewExport(
      String id,
      String clientId,
      Instant requested,
      String request,
      RunFormat format,
      Path folder,
      int views) {
    this.id = id;
    this.clientId = clientId;
    this.requested = requested;
    this.request = request;
    this.format = format;
    this.folder = folder;
    this.views = views;
  }

  Path database() {
    return folder.resolve("views.duckdb");
  }
}
