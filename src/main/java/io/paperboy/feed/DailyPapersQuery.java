package io.paperboy.feed;

import java.time.DayOfWeek;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paperboy.web.BadRequestException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The parameters of {@code GET /api/daily_papers}, checked: at most one of {@code date},
 * {@code week}, {@code month} and {@code submitter}; a sort order; a page and its size.
 */
record DailyPapersQuery(LocalDate first, LocalDate last, String submitter, Sort sort, int page, int limit,
		List<String[]> echo) {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 100;

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

	private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	/** The orders Hugging Face's API offers. */
	enum Sort {

		/** Most recently listed first. */
		PUBLISHED_AT("publishedAt"),

		/**
		 * Highest trending score first (see {@link Trending}); without a named list, the trending list
		 * itself.
		 */
		TRENDING("trending"),

		/**
		 * Most upvoted first; among equals, most recently listed first. Not a value of the
		 * parameter: it is how Hugging Face orders a week or a month when no sort is named.
		 */
		UPVOTES(null);

		private final String parameter;

		Sort(String parameter) {
			this.parameter = parameter;
		}

		static Sort of(String parameter) {
			for (Sort sort : values()) {
				if (sort.parameter != null && sort.parameter.equals(parameter)) {
					return sort;
				}
			}
			throw new BadRequestException("sort must be publishedAt or trending, not \"" + parameter + "\"");
		}

	}

	/**
	 * Checks the raw parameters.
	 * @param latestDay the day to show when none is named (null when the catalog is empty)
	 */
	static DailyPapersQuery parse(String date, String week, String month, String submitter, String sort, String page,
			String limit, LocalDate latestDay) {
		int named = count(date) + count(week) + count(month) + count(submitter);
		if (named > 1) {
			throw new BadRequestException("give at most one of date, week, month and submitter");
		}
		// as Hugging Face defines them, a week's or a month's papers come most upvoted first
		Sort order = (sort != null) ? Sort.of(sort)
				: (week != null || month != null) ? Sort.UPVOTES : Sort.PUBLISHED_AT;
		List<String[]> echo = new ArrayList<>();
		LocalDate first = null;
		LocalDate last = null;
		String user = null;
		if (date != null) {
			first = parseDate(date);
			last = first;
			echo.add(new String[] { "date", date });
		}
		else if (week != null) {
			first = parseWeek(week);
			last = first.plusDays(6);
			echo.add(new String[] { "week", week });
		}
		else if (month != null) {
			YearMonth yearMonth = parseMonth(month);
			first = yearMonth.atDay(1);
			last = yearMonth.atEndOfMonth();
			echo.add(new String[] { "month", month });
		}
		else if (submitter != null) {
			if (!USERNAME.matcher(submitter).matches()) {
				throw new BadRequestException("submitter must be a username");
			}
			user = submitter;
			echo.add(new String[] { "submitter", submitter });
		}
		else if (latestDay != null && order != Sort.TRENDING) {
			first = latestDay;
			last = latestDay;
			// later pages name the day, so a day imported meanwhile does not shift them
			echo.add(new String[] { "date", latestDay.toString() });
		}
		if (sort != null) {
			echo.add(new String[] { "sort", sort });
		}
		int pageNumber = parseInt("p", page, 0, 0, Integer.MAX_VALUE / MAX_LIMIT);
		int pageSize = parseInt("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
		return new DailyPapersQuery(first, last, user, order, pageNumber, pageSize, echo);
	}

	/** Everything an answer to this query depends on besides the list itself, comparable by value. */
	Key key() {
		return new Key(this.first, this.last, this.submitter, this.sort, this.page, this.limit,
				this.echo.stream().map((parameter) -> parameter[0] + "=" + parameter[1]).toList());
	}

	/** The query as a value, for keeping answers: {@code echo} as {@code name=value} strings. */
	record Key(LocalDate first, LocalDate last, String submitter, Sort sort, int page, int limit, List<String> echo) {
	}

	/** Whether the query names no list at all (only possible on an empty catalog). */
	boolean isEmpty() {
		return this.first == null && this.submitter == null && this.sort != Sort.TRENDING;
	}

	/** Whether the query asks for the trending list itself: {@code sort=trending} and no list named. */
	boolean isOverallTrending() {
		return this.first == null && this.submitter == null && this.sort == Sort.TRENDING;
	}

	/** The rank of the first item asked for, from 0. */
	int offset() {
		return this.page * this.limit;
	}

	/** The URL of the next page, relative to the API root. */
	String nextPage(String baseUrl) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(baseUrl).path("/api/daily_papers");
		for (String[] parameter : this.echo) {
			uri.queryParam(parameter[0], parameter[1]);
		}
		return uri.queryParam("p", this.page + 1).queryParam("limit", this.limit).encode().build().toUriString();
	}

	static LocalDate parseDate(String text) {
		if (text != null && DATE.matcher(text).matches()) {
			try {
				// digits in place: read as LocalDate.parse would, without its general parser
				return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
						Integer.parseInt(text, 8, 10, 10));
			}
			catch (DateTimeException ex) {
				// falls through to the error below
			}
		}
		throw new BadRequestException("date must be a calendar date written YYYY-MM-DD, not \"" + abbreviate(text) + "\"");
	}

	static LocalDate parseWeek(String text) {
		Matcher matcher = WEEK.matcher(text);
		if (matcher.matches()) {
			int year = Integer.parseInt(matcher.group(1));
			int week = Integer.parseInt(matcher.group(2));
			// the Thursday of week 1 always lies in its ISO year
			LocalDate reference = LocalDate.of(year, 1, 4);
			long weeksInYear = reference.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
			if (week >= 1 && week <= weeksInYear) {
				return reference.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
			}
		}
		throw new BadRequestException("week must be an ISO week written YYYY-Www, not \"" + abbreviate(text) + "\"");
	}

	static YearMonth parseMonth(String text) {
		if (MONTH.matcher(text).matches()) {
			try {
				return YearMonth.parse(text);
			}
			catch (DateTimeParseException ex) {
				// falls through to the error below
			}
		}
		throw new BadRequestException("month must be written YYYY-MM, not \"" + abbreviate(text) + "\"");
	}

	private static int parseInt(String name, String text, int fallback, int min, int max) {
		if (text == null) {
			return fallback;
		}
		try {
			int value = Integer.parseInt(text);
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the error below
		}
		throw new BadRequestException(name + " must be a whole number from " + min + " to " + max);
	}

	private static int count(String parameter) {
		return (parameter != null) ? 1 : 0;
	}

	private static String abbreviate(String text) {
		return (text != null && text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
