package io.paperboy.ingest.schedule;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulesPropertiesTests {

	@Test
	void unsetOrBlankSettingsTakeTheirDefaults() {
		assertThat(bind(Map.of())).isEqualTo(new SchedulesProperties(Duration.ofSeconds(30), Duration.ofMinutes(5), 8));
		assertThat(bind(Map.of("paperboy.schedules.backfill-delay", "", "paperboy.schedules.backfill-attempts", "")))
			.isEqualTo(new SchedulesProperties(Duration.ofSeconds(30), Duration.ofMinutes(5), 8));
	}

	@Test
	void setSettingsWin() {
		assertThat(bind(Map.of("paperboy.schedules.backfill-delay", "2m", "paperboy.schedules.backfill-retry", "1h",
				"paperboy.schedules.backfill-attempts", "3")))
			.isEqualTo(new SchedulesProperties(Duration.ofMinutes(2), Duration.ofHours(1), 3));
	}

	private static SchedulesProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("paperboy.schedules",
				SchedulesProperties.class);
	}

}
