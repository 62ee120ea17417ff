package io.paperboy.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A moment as the operators' pages show it: in UTC, to the second, for people
 * ({@code Jun 2, 2025 09:05:07 UTC}) and for machines in a {@code <time datetime=…>} attribute
 * ({@code 2025-06-02T09:05:07Z}). The database keeps microseconds, which help nobody reading a table.
 */
public final class UtcTime {

	private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm:ss 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private UtcTime() {
	}

	/** For people: {@code Jun 2, 2025 09:05:07 UTC}; empty for none. */
	public static String text(Instant instant) {
		return (instant != null) ? TEXT.format(instant) : "";
	}

	/** For a {@code datetime} attribute: ISO 8601 in UTC, to the second; {@code null} (no attribute) for none. */
	public static String attribute(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.SECONDS).toString() : null;
	}

}
