package io.paperboy.ingest.schedule;

import java.util.List;

/** Two nodes on one H2 database file (db-scheduler's generic SQL, optimistic claims). */
class H2JobsAcrossNodesTests extends JobsAcrossNodesContract {

	@Override
	List<String> database() {
		return List.of("--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("paperboy")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
	}

}
