package io.paperboy.ingest.arxiv;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshPropertiesTests {

	@Test
	void unsetOrBlankDaysTakeThirty() {
		assertThat(bind(Map.of()).days()).isEqualTo(30);
		assertThat(bind(Map.of("paperboy.sources.arxiv.refresh.days", "")).days()).isEqualTo(30);
	}

	@Test
	void setDaysWin() {
		assertThat(bind(Map.of("paperboy.sources.arxiv.refresh.days", "5")).days()).isEqualTo(5);
	}

	@Test
	void aThousandPapersWithoutCategoriesAreLookedUpUnlessSetOtherwise() {
		assertThat(bind(Map.of()).missingCategories()).isEqualTo(1000);
		assertThat(bind(Map.of("paperboy.sources.arxiv.refresh.missing-categories", "0")).missingCategories()).isZero();
	}

	private static RefreshProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("paperboy.sources.arxiv.refresh",
				RefreshProperties.class);
	}

}
