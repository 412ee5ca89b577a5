package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Searches are narrowed only while every stored record of the covered types has its {@code
 * disclosure-key}: a record without one (as on a store that predates the parameter, until HAPI has
 * reindexed it) would match no narrowed search.
 */
class DisclosureKeyIndexIT extends GatewayIntegrationTest {

  @Autowired DaoRegistry daos;
  @Autowired DataSource dataSource;

  @Test
  void aRecordWithoutItsKeyTurnsNarrowingOffUntilItIsIndexed() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Condition condition = new Condition().setCode(new CodeableConcept().setText("Hypertension"));
    String id = fhir().create().resource(condition).execute().getId().getIdPart();
    int removed =
        jdbc.update(
            "DELETE FROM hfj_spidx_token WHERE sp_name = 'disclosure-key' AND res_id ="
                + " (SELECT res_id FROM hfj_resource WHERE res_type = 'Condition' AND fhir_id = ?)",
            id);
    assertThat(removed).as("the record had its key").isEqualTo(1);

    DisclosureKeyIndex unindexed = new DisclosureKeyIndex(daos, jdbc, Clock.systemUTC());
    unindexed.checkNow();
    assertThat(unindexed.covers("Condition")).isFalse();

    Condition stored = fhir().read().resource(Condition.class).withId(id).execute();
    stored.getCode().setText("Essential hypertension");
    fhir().update().resource(stored).execute();
    DisclosureKeyIndex indexed = new DisclosureKeyIndex(daos, jdbc, Clock.systemUTC());
    indexed.checkNow();
    assertThat(indexed.covers("Condition")).isTrue();
    assertThat(indexed.covers("Patient")).isFalse();
  }
}
