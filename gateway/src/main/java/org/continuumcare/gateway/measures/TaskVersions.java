package org.continuumcare.gateway.measures;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hl7.fhir.r4.model.Task;

/**
 * The versions of the referral Tasks a measure follows, as the caller may see them: the Tasks are
 * found by a search (judged and accounted as a search is), then all their versions are read in bulk
 * ({@link GatedReader#versions}), never the history of every Task in the store.
 */
final class TaskVersions {

  private static final int CHUNK = 500;

  private TaskVersions() {}

  /** Every version of {@code tasks} (found by a search of {@code reader}) the caller may see. */
  static List<Task> of(GatedReader reader, List<Task> tasks) {
    return tasks.isEmpty() ? List.of() : reader.versions(Task.class, tasks);
  }

  /**
   * Every version the caller may see of the Tasks whose focus is one of {@code referrals} ({@code
   * ServiceRequest/[id]}).
   */
  static List<Task> focusedOn(GatedReader reader, Collection<String> referrals) {
    return of(reader, search(reader, Task.SP_FOCUS, referrals));
  }

  /**
   * Every version the caller may see of the Tasks for one of {@code people} ({@code Patient/[id]}).
   */
  static List<Task> forPeople(GatedReader reader, Collection<String> people) {
    return of(reader, search(reader, Task.SP_SUBJECT, people));
  }

  private static List<Task> search(
      GatedReader reader, String parameter, Collection<String> references) {
    List<String> distinct = references.stream().distinct().toList();
    List<Task> found = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      ReferenceOrListParam chunk = new ReferenceOrListParam();
      distinct.subList(from, Math.min(distinct.size(), from + CHUNK)).stream()
          .map(ReferenceParam::new)
          .forEach(chunk::addOr);
      SearchParameterMap query = SearchParameterMap.newSynchronous();
      query.add(parameter, chunk);
      found.addAll(reader.search(Task.class, query));
    }
    return found;
  }
}
