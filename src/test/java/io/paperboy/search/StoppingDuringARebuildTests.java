package io.paperboy.search;

import java.time.Clock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.paperboy.catalog.Catalog;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestPapers;
import io.paperboy.web.RequestsInFlight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A rebuild of the search index gives up when the application stops, so stopping is not held up
 * by a long rebuild, and what it leaves is marked so that the next catch-up indexes every paper.
 */
@StorageTest
class StoppingDuringARebuildTests {

	@Autowired
	private SearchProperties properties;

	@Autowired
	private Embedder embedder;

	@Autowired
	private Catalog catalog;

	@Autowired
	private SearchRepository repository;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	@TempDir
	Path folder;

	@Test
	void aRebuildStoppedHalfwayLeavesTheIndexToBeCaughtUpFromTheBeginning() {
		CatalogTables.empty(this.jdbc, this.events);
		for (String id : List.of("2506.00001", "2506.00002")) {
			this.catalog.savePaper(TestPapers.paper(id).build(), LocalDate.of(2025, 6, 2));
		}
		IndexSync sync = new IndexSync(this.properties, new IndexLocation(this.folder, this.folder.resolve("native")),
				this.embedder, this.catalog, this.repository, Clock.systemUTC(), this.context, new RequestsInFlight());
		sync.rebuild((done) -> {
		});
		assertThat(sync.index().committedData().get(CatchUp.CAUGHT_UP_TO)).isNotEqualTo(Instant.EPOCH.toString());

		sync.stop();

		assertThatIllegalStateException().isThrownBy(() -> sync.rebuild((done) -> {
		})).withMessageContaining("the application is stopping");
		assertThat(sync.index().committedData().get(CatchUp.CAUGHT_UP_TO)).isEqualTo(Instant.EPOCH.toString());
		sync.index().close();
	}

}
