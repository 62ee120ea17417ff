package io.paperboy.community;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paperboy.support.EmbeddedPostgresSupport;
import io.paperboy.support.NodeProcess;
import io.paperboy.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The drill for votes on several nodes: three application nodes, each its own JVM, on one
 * PostgreSQL database. Members sign in on one node and vote through the API on every node (the
 * session lives in the database), and one node is killed with SIGKILL in the middle of the burst.
 * Every vote that was answered with success is stored, no vote counts twice (each paper's count
 * is its imported upvotes plus its vote rows), a vote the dead node never answered can be sent
 * again to another node, and a vote cast on one node shows on another within seconds.
 */
@Tag("process")
class VotesAcrossNodesDrillTests {

	private static final int NODES = 3;

	private static final int MEMBERS = 20;

	private static final int PAPERS = 15;

	private static final LocalDate DAY = LocalDate.of(2025, 7, 1);

	private static final Pattern SIGN_IN_LINK = Pattern.compile("https?://\\S+?(/signin/token\\?\\S+)");

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<NodeProcess> nodes = new ArrayList<>();

	@TempDir
	Path directory;

	@AfterEach
	void killNodes() {
		this.nodes.forEach(NodeProcess::close);
	}

	@Test
	void votesOnEveryNodeWhileOneIsKilledAreEachStoredAndCountedOnce() throws Exception {
		String url = EmbeddedPostgresSupport.freshDatabaseUrl();
		for (int i = 0; i < NODES; i++) {
			this.nodes.add(NodeProcess.start("node" + i, this.directory, List.of("--spring.datasource.url=" + url,
					"--spring.datasource.username=" + EmbeddedPostgresSupport.username(), "--spring.datasource.password=",
					// every member signs in from this one machine
					"--paperboy.accounts.sign-in-links-per-client=1000")));
		}
		for (NodeProcess node : this.nodes) {
			node.awaitReady(Duration.ofSeconds(120));
		}
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, EmbeddedPostgresSupport.username(), "");
		JdbcClient database = JdbcClient.create(dataSource);
		Map<String, Integer> imported = insertPapers(database);
		List<String> papers = new ArrayList<>(imported.keySet());
		Collections.sort(papers);

		// each member signs in on one node and votes on every node
		List<Member> members = new ArrayList<>();
		for (int i = 0; i < MEMBERS; i++) {
			members.add(signIn(this.nodes.get(i % NODES), database, "member" + i));
		}
		NodeProcess killed = this.nodes.get(NODES - 1);
		NodeProcess first = this.nodes.get(0);
		NodeProcess second = this.nodes.get(1);

		// a vote cast on one node shows on another's API and daily list within seconds
		String shown = papers.get(0);
		assertThat(vote(first, members.get(0), shown).upvotes()).isEqualTo(imported.get(shown) + 1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(upvotesOn(second, shown)).isEqualTo(imported.get(shown) + 1));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(dailyListOn(second).get(shown)).isEqualTo(imported.get(shown) + 1));

		// the burst: every member votes for every paper, each vote sent to the next node in turn
		List<Ballot> ballots = new ArrayList<>();
		for (Member member : members) {
			for (String paper : papers) {
				ballots.add(new Ballot(member, paper));
			}
		}
		Collections.shuffle(ballots, new Random(14));
		AtomicInteger answered = new AtomicInteger();
		List<Outcome> outcomes;
		ExecutorService voters = Executors.newFixedThreadPool(6);
		try {
			List<Future<Outcome>> sent = new ArrayList<>();
			for (int i = 0; i < ballots.size(); i++) {
				Ballot ballot = ballots.get(i);
				NodeProcess node = this.nodes.get(i % NODES);
				sent.add(voters.submit(() -> {
					Outcome outcome = tryVote(node, ballot);
					answered.incrementAndGet();
					return outcome;
				}));
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() >= ballots.size() / 3);
			killed.kill();
			outcomes = new ArrayList<>();
			for (Future<Outcome> future : sent) {
				outcomes.add(future.get());
			}
		}
		finally {
			voters.shutdownNow();
		}

		List<Outcome> succeeded = outcomes.stream().filter(Outcome::succeeded).toList();
		List<Outcome> unanswered = outcomes.stream().filter((outcome) -> !outcome.succeeded()).toList();
		assertThat(unanswered).as("votes sent to the killed node after it died").isNotEmpty();
		assertThat(unanswered).allMatch((outcome) -> outcome.node() == killed);
		assertThat(succeeded.size()).isGreaterThanOrEqualTo(ballots.size() / 3);

		Set<Ballot> stored = storedVotes(database);
		assertThat(stored).as("every vote answered with success is stored")
			.containsAll(succeeded.stream().map(Outcome::ballot).toList());
		assertCountedOnce(database, imported);

		// what the dead node never answered, the member sends again to a node that lives
		for (Outcome outcome : unanswered) {
			assertThat(vote(first, outcome.ballot().member(), outcome.ballot().paper()).upvoted()).isTrue();
		}
		assertThat(storedVotes(database)).containsExactlyInAnyOrderElementsOf(ballots);
		Map<String, Integer> counts = assertCountedOnce(database, imported);
		assertThat(counts).allSatisfy((paper, count) -> assertThat(count).isEqualTo(imported.get(paper) + MEMBERS));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(dailyListOn(first)).isEqualTo(counts);
			assertThat(dailyListOn(second)).isEqualTo(counts);
		});
	}

	/** Papers on one daily list, each with a different number of imported upvotes. */
	private static Map<String, Integer> insertPapers(JdbcClient database) {
		Map<String, Integer> imported = new HashMap<>();
		Instant now = Instant.now();
		for (int i = 1; i <= PAPERS; i++) {
			String id = String.format("2507.%05d", i);
			database.sql("""
					insert into papers (id, title, summary, imported_upvotes, published_at, created_at, updated_at)
					values (:id, :title, 'A paper voted on from several nodes.', :upvotes, :at, :at, :at)
					""").param("id", id).param("title", "Paper " + i).param("upvotes", i * 3)
				.param("at", now.atOffset(ZoneOffset.UTC))
				.update();
			database.sql("""
					insert into daily_entries (paper_id, list_day, submitted_at, created_at)
					values (:id, :day, :at, :at)
					""").param("id", id).param("day", DAY).param("at", now.plusSeconds(i).atOffset(ZoneOffset.UTC)).update();
			imported.put(id, i * 3);
		}
		return imported;
	}

	/** Signs in as a person does, with the link the node kept in the development outbox (no relay is set). */
	private Member signIn(NodeProcess node, JdbcClient database, String name) throws Exception {
		WebSession session = new WebSession(node.port());
		String address = name + "@example.org";
		assertThat(session.askForLink(address, "/papers").statusCode()).isEqualTo(302);
		String mail = database.sql("select text_body from dev_mail where recipient = :to order by id desc limit 1")
			.param("to", address)
			.query(String.class)
			.single();
		Matcher link = SIGN_IN_LINK.matcher(mail);
		assertThat(link.find()).as(mail).isTrue();
		HttpResponse<String> signedIn = session.follow(link.group(1));
		if (WebSession.location(signedIn).orElse("").startsWith("/welcome")) {
			session.submit("/welcome", "/welcome", Map.of("username", name, "displayName", name, "continue", "/papers"));
		}
		Matcher csrf = CSRF_META.matcher(session.get("/papers").body());
		assertThat(csrf.find()).isTrue();
		assertThat(session.sessionId()).isNotNull();
		return new Member(name, session.sessionId(), csrf.group(1));
	}

	private UpvoteState vote(NodeProcess node, Member member, String paper) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(upvote(node, member, paper), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode answer = this.json.readTree(response.body());
		return new UpvoteState(answer.path("paperId").asString(), answer.path("upvotes").asInt(),
				answer.path("upvoted").asBoolean());
	}

	/** A vote whose answer may never come: a refused or broken connection is an unanswered vote. */
	private Outcome tryVote(NodeProcess node, Ballot ballot) {
		try {
			HttpResponse<String> response = this.http.send(upvote(node, ballot.member(), ballot.paper()),
					HttpResponse.BodyHandlers.ofString());
			return new Outcome(ballot, node, response.statusCode() == 200, response.statusCode() + " " + response.body());
		}
		catch (IOException ex) {
			return new Outcome(ballot, node, false, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(ballot, node, false, ex.toString());
		}
	}

	private static HttpRequest upvote(NodeProcess node, Member member, String paper) {
		return HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/papers/" + paper + "/upvote"))
			.timeout(Duration.ofSeconds(20))
			.header("Cookie", "PAPERBOY_SESSION=" + member.session())
			.header("X-CSRF-TOKEN", member.csrf())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
	}

	private int upvotesOn(NodeProcess node, String paper) throws IOException, InterruptedException {
		HttpResponse<String> response = node.get("/api/papers/" + paper);
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body()).path("upvotes").asInt();
	}

	/** Each paper's upvotes as the node's daily list shows them (a list kept up to {@code paperboy.feed.cache-ttl}). */
	private Map<String, Integer> dailyListOn(NodeProcess node) throws IOException, InterruptedException {
		HttpResponse<String> response = node.get("/api/daily_papers?date=" + DAY + "&limit=100");
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Integer> upvotes = new HashMap<>();
		for (JsonNode item : this.json.readTree(response.body())) {
			upvotes.put(item.path("paper").path("id").asString(), item.path("paper").path("upvotes").asInt());
		}
		return upvotes;
	}

	private static Set<Ballot> storedVotes(JdbcClient database) {
		Map<Long, String> names = new HashMap<>();
		database.sql("select id, username from users")
			.query((row, n) -> names.put(row.getLong("id"), row.getString("username")))
			.list();
		List<Ballot> rows = database.sql("select user_id, paper_id from votes")
			.query((row, n) -> new Ballot(new Member(names.get(row.getLong("user_id")), null, null),
					row.getString("paper_id")))
			.list();
		Set<Ballot> stored = new HashSet<>(rows);
		assertThat(stored).as("one row per member and paper").hasSize(rows.size());
		return stored;
	}

	/** Each paper's stored count is its imported upvotes plus its vote rows: no vote counted twice or lost. */
	private static Map<String, Integer> assertCountedOnce(JdbcClient database, Map<String, Integer> imported) {
		Map<String, Integer> counts = new HashMap<>();
		database.sql("""
				select p.id, p.imported_upvotes, p.member_votes, (select count(*) from votes v where v.paper_id = p.id) as cast
				from papers p
				""").query((row, n) -> {
			String paper = row.getString("id");
			assertThat(row.getInt("imported_upvotes")).isEqualTo(imported.get(paper));
			assertThat(row.getInt("member_votes")).as("member votes of %s", paper).isEqualTo(row.getInt("cast"));
			return counts.put(paper, row.getInt("imported_upvotes") + row.getInt("member_votes"));
		}).list();
		return counts;
	}

	/** A signed-in member as a client keeps them: who, the session cookie, the CSRF token. */
	private record Member(String name, String session, String csrf) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Member member && member.name.equals(this.name);
		}

		@Override
		public int hashCode() {
			return this.name.hashCode();
		}

	}

	private record Ballot(Member member, String paper) {
	}

	private record Outcome(Ballot ballot, NodeProcess node, boolean succeeded, String answer) {
	}

}
