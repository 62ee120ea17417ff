package io.paperboy.ingest.oai;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** OAI-PMH harvests into a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresOaiHarvestTests extends OaiHarvestContract {

}
