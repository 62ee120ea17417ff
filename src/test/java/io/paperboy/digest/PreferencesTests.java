package io.paperboy.digest;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Preferences as a person types them into the form. */
class PreferencesTests {

	@Test
	void aFilledInFormBecomesPreferences() {
		Preferences preferences = Preferences.parse("weekly", "friday", "7", " Asia/Tokyo ", "25", "cs.LG, hep-th\nstat.ML",
				"diffusion  models\r\nRLHF,\n", "3", "upvoted");

		assertThat(preferences).isEqualTo(new Preferences(Cadence.WEEKLY, DayOfWeek.FRIDAY, 7, ZoneId.of("Asia/Tokyo"), 25,
				List.of("cs.LG", "hep-th", "stat.ML"), List.of("diffusion models", "RLHF"), 3, Ordering.UPVOTED));
	}

	@Test
	void theDefaultsAreTenPapersOnWeekdaysAtEightUtcOnEveryTopic() {
		assertThat(Preferences.defaults()).isEqualTo(new Preferences(Cadence.WEEKDAYS, DayOfWeek.MONDAY, 8, ZoneId.of("UTC"),
				10, List.of(), List.of(), 0, Ordering.TRENDING));
	}

	@Test
	void eachWrongFieldIsNamedInTheError() {
		assertRefused(() -> parse("hourly", "monday", "8", "UTC", "10", "", ""), "Choose weekdays");
		assertRefused(() -> parse("daily", "someday", "8", "UTC", "10", "", ""), "day of the week");
		assertRefused(() -> parse("daily", "monday", "24", "UTC", "10", "", ""), "The hour must be from 0 to 23");
		assertRefused(() -> parse("daily", "monday", "eight", "UTC", "10", "", ""), "The hour must be a whole number");
		assertRefused(() -> parse("daily", "monday", "8", "Mars/Olympus", "10", "", ""), "is not a time zone");
		assertRefused(() -> parse("daily", "monday", "8", "UTC", "4", "", ""), "from 5 to 50");
		assertRefused(() -> parse("daily", "monday", "8", "UTC", "51", "", ""), "from 5 to 50");
		assertRefused(() -> parse("daily", "monday", "8", "UTC", "10", "cs.LG; drop table", ""), "is not an arXiv category");
		assertRefused(() -> parse("daily", "monday", "8", "UTC", "10", "", "x".repeat(101)), "at most 100 characters");
		assertRefused(() -> parse("daily", "monday", "8", "UTC", "10", "", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u"),
				"At most 20 keywords");
		assertRefused(() -> Preferences.parse("daily", "monday", "8", "UTC", "10", "", "", "-1", null),
				"minimum number of upvotes");
	}

	private static Preferences parse(String cadence, String weekday, String hour, String zone, String papers,
			String categories, String keywords) {
		return Preferences.parse(cadence, weekday, hour, zone, papers, categories, keywords, "0", null);
	}

	private static void assertRefused(Runnable parse, String message) {
		assertThatExceptionOfType(InvalidPreferencesException.class).isThrownBy(parse::run).withMessageContaining(message);
	}

}
