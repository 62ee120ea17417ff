package io.paperboy.feed;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.paperboy.PaperboyApplication;
import io.paperboy.community.VoteChangedEvent;
import io.paperboy.community.Votes;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trending benchmark's Java half, run by {@code bench/trending.sh} from the test classpath
 * (not a test: its name does not end in {@code Tests}).
 * <ul>
 * <li>{@code generate}: fills an empty data dir with a catalog of {@code papers} papers listed
 * over the year before now and {@code votes} members' votes, heavy-tailed per paper (a few papers
 * get tens of thousands, most a handful), cast mostly in the days after each paper was listed
 * (see {@link Generator});</li>
 * <li>{@code measure}: times a full rebuild of every score, then {@code samples} votes one by one
 * (the whole vote: {@link Votes#upvote}) and as many score updates alone (the one UPDATE and its
 * commit), and prints the medians and 99th percentiles.</li>
 * </ul>
 * Usage: {@code TrendingBenchmark generate|measure DATA_DIR [papers votes members | samples]}.
 */
public final class TrendingBenchmark {

	private TrendingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("Usage: TrendingBenchmark generate DATA_DIR [papers votes members] | measure DATA_DIR [samples]");
			System.exit(2);
		}
		String dataDir = args[1];
		try (ConfigurableApplicationContext context = start(dataDir)) {
			if (args[0].equals("generate")) {
				int papers = (args.length > 2) ? Integer.parseInt(args[2]) : 1_000_000;
				long votes = (args.length > 3) ? Long.parseLong(args[3]) : 10_000_000L;
				int members = (args.length > 4) ? Integer.parseInt(args[4]) : 200_000;
				generate(context, papers, votes, members);
			}
			else {
				int samples = (args.length > 2) ? Integer.parseInt(args[2]) : 20_000;
				measure(context, samples);
			}
		}
	}

	/** The application as the jar runs a verb: no web server, the embedded database in {@code dataDir}. */
	private static ConfigurableApplicationContext start(String dataDir) {
		return new SpringApplicationBuilder(PaperboyApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.profiles("cli")
			// the test classpath carries the tests' in-memory database settings: name the real ones
			.run("--paperboy.data-dir=" + dataDir, "--spring.datasource.url=jdbc:h2:file:" + dataDir
					+ "/paperboy;AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
					+ System.getProperty("paperboy.bench.h2-settings", ""));
	}

	private static void generate(ConfigurableApplicationContext context, int papers, long votes, int members)
			throws SQLException, IOException {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Path work = Path.of(context.getEnvironment().getRequiredProperty("paperboy.data-dir"), "generator");
		Files.createDirectories(work);
		long started = System.nanoTime();
		try (Connection connection = context.getBean(DataSource.class).getConnection()) {
			connection.setAutoCommit(false);
			Generator generator = new Generator(connection, work, papers, votes, members, now.minus(Duration.ofDays(365)),
					Duration.ofDays(365).toSeconds());
			generator.insertMembers();
			System.out.printf(Locale.ROOT, "  %,d members after %.1f s%n", members, seconds(started));
			int[] counts = generator.voteCounts();
			generator.insertPapers(counts);
			System.out.printf(Locale.ROOT, "  %,d papers with daily entries and authors after %.1f s%n", papers,
					seconds(started));
			generator.insertVotes(counts);
			System.out.printf(Locale.ROOT, "  %,d votes, indexed, after %.1f s%n", votes, seconds(started));
			int[] sorted = counts.clone();
			Arrays.sort(sorted);
			System.out.printf(Locale.ROOT, "  votes per paper: most %,d; 99th percentile %,d; median %,d; none %,d papers%n",
					sorted[sorted.length - 1], sorted[(int) (sorted.length * 0.99)], sorted[sorted.length / 2],
					Arrays.stream(counts).filter((count) -> count == 0).count());
		}
		finally {
			try (Stream<Path> files = Files.list(work)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.delete(work);
		}
		System.out.printf(Locale.ROOT, "Generated in %.1f s%n", seconds(started));
	}

	/**
	 * Fills the tables: rows are computed here, written to CSV files and loaded with H2's
	 * {@code CSVREAD} in primary-key order, with foreign keys unchecked and the votes' secondary
	 * indexes built after the load (ten million rows over JDBC one by one take minutes; H2 computing
	 * them itself in SQL is slower still).
	 * <ul>
	 * <li>Votes are heavy-tailed per paper, Zipf-like: the paper of rank {@code r} gets a share
	 * {@code 1 / r^0.8} of them (with a million papers and ten million votes: some 100,000 on the
	 * first, a handful at the median). Paper {@code i} (id {@code 2501.00000} + i) is the paper of
	 * rank {@code i + 1}, so that votes load in primary-key order.</li>
	 * <li>Papers are listed over the year: paper {@code i} at {@code yearAgo + ((i * 7919) mod papers)
	 * * (a year / papers)}, which spreads the ranks over the year.</li>
	 * <li>The k-th vote of paper i is cast by member {@code (i * 7919 + k) mod members + 1}: one per
	 * member and paper, as long as no paper gets more votes than there are members.</li>
	 * <li>90% of votes come after an exponential delay of mean 2 days after the listing, 10% at any
	 * time since; none in the future.</li>
	 * <li>A tenth of the papers came with an imported count (a quarter of their votes), like an
	 * archive of Hugging Face's lists.</li>
	 * </ul>
	 */
	private record Generator(Connection connection, Path work, int papers, long votes, int members, Instant yearAgo,
			long span) {

		void insertMembers() throws SQLException {
			run("set referential_integrity false");
			// accounts older than every vote, so that no vote is damped (damping is what the tests measure)
			run("""
					insert into users (id, username, display_name, created_at)
					select x, 'member' || x, 'Member ' || x, dateadd(second, -(2592000 + x), %s)
					from system_range(1, %d) as r(x)
					""".formatted(literal(this.yearAgo), this.members));
			run("alter table users alter column id restart with " + (this.members + 1));
		}

		/** Votes per paper, by paper index, summing to {@code votes} exactly. */
		int[] voteCounts() {
			double[] shares = new double[this.papers];
			double sum = 0;
			for (int i = 0; i < this.papers; i++) {
				shares[i] = 1 / Math.pow(i + 1, 0.8);
				sum += shares[i];
			}
			int[] counts = new int[this.papers];
			long assigned = 0;
			for (int i = 0; i < this.papers; i++) {
				counts[i] = (int) Math.min(this.members, Math.floor(shares[i] / sum * this.votes));
				assigned += counts[i];
			}
			// the rounding remainder: one more each to the papers that have room, most voted first
			for (int i = 0; assigned < this.votes; i = (i + 1) % this.papers) {
				if (counts[i] < this.members) {
					counts[i]++;
					assigned++;
				}
			}
			return counts;
		}

		void insertPapers(int[] counts) throws SQLException, IOException {
			Path csv = this.work.resolve("papers.csv");
			try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
				for (int i = 0; i < this.papers; i++) {
					int imported = (i % 10 == 0) ? counts[i] / 4 : 0;
					out.append(id(i)).append(',').append(listed(i).toString()).append(',')
						.append(Integer.toString(imported)).append(',').append(Integer.toString(counts[i])).append('\n');
				}
			}
			run("""
					insert into papers (id, title, summary, published_at, imported_upvotes, member_votes, snapshot_day,
					    created_at, updated_at)
					select id, 'Trending under exponential decay, part ' || id,
					    'We study the trending of research papers under exponential time decay. Votes are stored as '
					    || 'sums against a reference time, so that a vote costs one update and the list is an index '
					    || 'read. We measure a catalog of a million papers and ten million votes (' || id || ').',
					    dateadd(day, -2, listed), imported, members, cast(listed as date), listed, listed
					from (select id, cast(listed as timestamp with time zone) as listed, cast(imported as int) as imported,
					        cast(members as int) as members
					    from csvread('%s', 'id,listed,imported,members', null)) p
					""".formatted(csv));
			// listing times are spread over the year: these indexes grow in random order, cheaper built after
			run("drop index daily_entries_day");
			run("drop index daily_entries_submitter");
			run("""
					insert into daily_entries (paper_id, list_day, submitted_at, created_at)
					select id, cast(created_at as date), created_at, created_at from papers
					""");
			run("create index daily_entries_day on daily_entries (list_day, submitted_at)");
			run("create index daily_entries_submitter on daily_entries (submitter_id, submitted_at)");
			run("""
					insert into paper_authors (paper_id, position, name, name_key, hidden)
					select id, a.n, 'Author ' || a.n || ' of ' || id, lower('Author ' || a.n || ' of ' || id), false
					from papers, system_range(0, 2) as a(n)
					""");
			Files.delete(csv);
		}

		void insertVotes(int[] counts) throws SQLException, IOException {
			Path csv = this.work.resolve("votes.csv");
			SplittableRandom random = new SplittableRandom(7);
			try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
				long[] voters = new long[this.members];
				for (int i = 0; i < this.papers; i++) {
					String id = id(i);
					long listed = listedOffset(i);
					int count = counts[i];
					for (int k = 0; k < count; k++) {
						voters[k] = ((long) i * 7919 + k) % this.members + 1;
					}
					Arrays.sort(voters, 0, count);
					for (int k = 0; k < count; k++) {
						long delay = (random.nextInt(10) != 0) ? (long) (-Math.log(1 - random.nextDouble()) * 2 * 86_400)
								: (long) (random.nextDouble() * (this.span - listed));
						Instant at = this.yearAgo.plusSeconds(Math.min(this.span - 1, listed + delay));
						out.append(id).append(',').append(Long.toString(voters[k])).append(',').append(at.toString())
							.append('\n');
					}
				}
			}
			// indexes that grow in random order are cheaper built once, after the load: the two on the
			// votes' times, and the one H2 keeps for the foreign key to users
			run("drop index votes_time");
			run("drop index votes_paper_time");
			String userKey = query("""
					select constraint_name from information_schema.referential_constraints
					where constraint_name in (select constraint_name from information_schema.key_column_usage
					    where table_name = 'votes' and column_name = 'user_id')
					""");
			run("alter table votes drop constraint \"" + userKey + "\"");
			run("""
					insert into votes (paper_id, user_id, voted_at)
					select paper_id, cast(user_id as bigint), cast(voted_at as timestamp with time zone)
					from csvread('%s', 'paper_id,user_id,voted_at', null)
					""".formatted(csv));
			Files.delete(csv);
			run("create index votes_paper_time on votes (paper_id, voted_at)");
			run("create index votes_time on votes (voted_at)");
			run("alter table votes add constraint \"" + userKey + "\""
					+ " foreign key (user_id) references users (id) on delete cascade");
			run("set referential_integrity true");
		}

		/** Seconds after {@code yearAgo} when paper {@code i} was listed: spread over the year, by rank. */
		private long listedOffset(int i) {
			return ((long) i * 7919 % this.papers) * this.span / this.papers;
		}

		private Instant listed(int i) {
			return this.yearAgo.plusSeconds(listedOffset(i));
		}

		private void run(String sql) throws SQLException {
			long started = System.nanoTime();
			try (Statement statement = this.connection.createStatement()) {
				statement.execute(sql);
			}
			this.connection.commit();
			if (Boolean.getBoolean("paperboy.bench.verbose")) {
				System.out.printf(Locale.ROOT, "    %.1f s: %s%n", seconds(started), sql.strip().lines().findFirst().orElse(""));
			}
		}

		private String query(String sql) throws SQLException {
			try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
				rs.next();
				return rs.getString(1);
			}
		}

		private static String literal(Instant instant) {
			return "timestamp with time zone '" + instant.toString().replace('T', ' ').replace("Z", "+00") + "'";
		}

	}

	private static void measure(ConfigurableApplicationContext context, int samples) {
		TrendingScores scores = context.getBean(TrendingScores.class);
		Votes votes = context.getBean(Votes.class);
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		Clock clock = context.getBean(Clock.class);
		DataSource dataSource = context.getBean(DataSource.class);

		TrendingScores.RebuildReport rebuild = scores.rebuild();
		System.out.printf(Locale.ROOT, "Rebuild: %.1f s (%,d papers scored, %,d votes)%n",
				rebuild.took().toMillis() / 1000.0, rebuild.papers(), rebuild.votes());

		// voters: members created for this run, a month old, so that their votes are not damped
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		int paperCount = jdbc.queryForObject("select count(*) from papers", Long.class).intValue();
		List<Long> voters = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			String username = "bench-voter-" + clock.millis() + "-" + i;
			jdbc.update("insert into users (username, display_name, created_at) values (?, ?, ?)", username, username,
					timestamp(clock.instant().minus(Duration.ofDays(30))));
			voters.add(jdbc.queryForObject("select id from users where username = ?", Long.class, username));
		}
		SplittableRandom random = new SplittableRandom(11);
		long[] voteNanos = new long[samples];
		long[] updateNanos = new long[samples];
		// warm-up: the JIT and the database's caches, on votes not measured
		for (int i = 0; i < Math.min(samples, 5_000); i++) {
			votes.upvote(id(random.nextInt(paperCount)), voters.get(0));
		}
		for (int i = 0; i < samples; i++) {
			String paper = id(random.nextInt(paperCount));
			long start = System.nanoTime();
			boolean cast = votes.upvote(paper, voters.get(1));
			voteNanos[i] = System.nanoTime() - start;
			if (!cast) {
				i--; // this voter had already voted for it: draw again
			}
		}
		Instant since = clock.instant().minus(Duration.ofDays(60));
		List<VoteChangedEvent> updates = new ArrayList<>();
		for (int i = 0; i < samples; i++) {
			VoteChangedEvent vote = new VoteChangedEvent(id(random.nextInt(paperCount)), voters.get(1), clock.instant(),
					since, 1);
			long start = System.nanoTime();
			transactions.executeWithoutResult((status) -> scores.voteChanged(vote));
			updateNanos[i] = System.nanoTime() - start;
			updates.add(vote);
		}
		// those updates were not votes: take their terms away again, so the scores match the votes
		for (VoteChangedEvent update : updates) {
			VoteChangedEvent undo = new VoteChangedEvent(update.paperId(), update.userId(), update.votedAt(),
					update.memberSince(), -1);
			transactions.executeWithoutResult((status) -> scores.voteChanged(undo));
		}
		System.out.printf(Locale.ROOT, "Vote (Votes.upvote, one transaction): median %.0f µs, p99 %.0f µs over %,d votes%n",
				percentile(voteNanos, 0.5), percentile(voteNanos, 0.99), samples);
		System.out.printf(Locale.ROOT,
				"Score update alone (one UPDATE and its commit): median %.0f µs, p99 %.0f µs over %,d updates%n",
				percentile(updateNanos, 0.5), percentile(updateNanos, 0.99), samples);
	}

	static String id(int index) {
		return String.format(Locale.ROOT, "%04d.%05d", 2501 + index / 100_000, index % 100_000);
	}

	private static double percentile(long[] nanos, double fraction) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))] / 1000.0;
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
