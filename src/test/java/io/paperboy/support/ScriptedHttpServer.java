package io.paperboy.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real HTTP/1.1 server on a loopback port that answers from a script: recorded responses, hand-made
 * errors, and faults no well-behaved server produces (a connection dropped mid-body, a body shorter
 * than its {@code Content-Length}, an answer that never comes). Every request is recorded with its
 * headers and time. Close it after the test.
 * <pre>
 * try (ScriptedHttpServer server = ScriptedHttpServer.start()) {
 *     server.when((request) -&gt; request.query().contains("id_list=2401.00001"))
 *         .thenRespond(503, Map.of("Retry-After", "1"), "busy")
 *         .thenRespond(200, Map.of("Content-Type", "application/atom+xml"), body);
 * }
 * </pre>
 * A rule's answers are given in turn; the last one repeats. A request no rule matches gets a 404.
 * A body may be text or bytes (a PDF); an answer with {@code Connection: close} among its headers
 * gets no {@code Content-Length}, its body ending with the connection.
 */
public final class ScriptedHttpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final ExecutorService workers = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "scripted-http");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Rule> rules = new CopyOnWriteArrayList<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private volatile boolean refusing;

	private ScriptedHttpServer(ServerSocket socket) {
		this.socket = socket;
	}

	public static ScriptedHttpServer start() {
		try {
			ScriptedHttpServer server = new ScriptedHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
			server.workers.execute(server::accept);
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot open a loopback port", ex);
		}
	}

	/** The server's address with this path and query, e.g. {@code uri("/api/query")}. */
	public URI uri(String pathAndQuery) {
		return URI.create("http://127.0.0.1:" + this.socket.getLocalPort() + pathAndQuery);
	}

	public int port() {
		return this.socket.getLocalPort();
	}

	/** A rule for requests matching {@code matcher}; rules are tried in the order they were added. */
	public Rule when(Predicate<Request> matcher) {
		Rule rule = new Rule(matcher);
		this.rules.add(rule);
		return rule;
	}

	/** A rule for every request. */
	public Rule always() {
		return when((request) -> true);
	}

	/** The requests received so far, in order. */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Turns every connection away from now on: each is reset as soon as it is made, before a byte is
	 * read, as a port that nothing listens on does ({@link #reset} ends it).
	 */
	public void refuseConnections() {
		this.refusing = true;
	}

	/** Forgets every rule and request and takes connections again, for a server shared by many tests. */
	public void reset() {
		this.refusing = false;
		this.rules.clear();
		this.requests.clear();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket connection = this.socket.accept();
				if (this.refusing) {
					connection.setSoLinger(true, 0);
					connection.close();
					continue;
				}
				this.workers.execute(() -> serve(connection));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket connection) {
		try (connection) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = connection.getOutputStream();
			while (true) {
				String requestLine = in.readLine();
				if (requestLine == null || requestLine.isEmpty()) {
					return;
				}
				Map<String, String> headers = new LinkedHashMap<>();
				for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
					int colon = line.indexOf(':');
					headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
				}
				String[] parts = requestLine.split(" ");
				URI target = URI.create(parts[1]);
				Request request = new Request(parts[0], target.getRawPath(),
						(target.getRawQuery() != null) ? target.getRawQuery() : "", headers, Instant.now());
				this.requests.add(request);
				Answer answer = answerTo(request);
				if (!answer.write(out)) {
					return;
				}
			}
		}
		catch (IOException ex) {
			// the client went away; nothing to do
		}
	}

	private Answer answerTo(Request request) {
		for (Rule rule : this.rules) {
			if (rule.matcher.test(request)) {
				return rule.next();
			}
		}
		return Answer.respond(404, Map.of("Content-Type", "text/plain"), ("no rule for " + request.target()).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		this.workers.shutdownNow();
	}

	/**
	 * A request as received.
	 *
	 * @param method the method
	 * @param path the raw path
	 * @param query the raw query, empty if none
	 * @param headers the headers, names in lower case
	 * @param receivedAt when it arrived
	 */
	public record Request(String method, String path, String query, Map<String, String> headers, Instant receivedAt) {

		public String target() {
			return this.query.isEmpty() ? this.path : this.path + "?" + this.query;
		}

		/** A query parameter's value, decoded; null when absent. */
		public String parameter(String name) {
			for (String pair : this.query.split("&")) {
				int equals = pair.indexOf('=');
				String key = (equals < 0) ? pair : pair.substring(0, equals);
				if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
					return (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				}
			}
			return null;
		}

	}

	/** The answers to requests matching one rule, given in turn; the last repeats. */
	public static final class Rule {

		private final Predicate<Request> matcher;

		private final Deque<Answer> answers = new ConcurrentLinkedDeque<>();

		private Rule(Predicate<Request> matcher) {
			this.matcher = matcher;
		}

		public Rule thenRespond(int status, Map<String, String> headers, String body) {
			return then(Answer.respond(status, headers, body.getBytes(StandardCharsets.UTF_8)));
		}

		/** Answers with these bytes as the body (a PDF, an image). */
		public Rule thenRespond(int status, Map<String, String> headers, byte[] body) {
			return then(Answer.respond(status, headers, body.clone()));
		}

		/** Sends the headers and part of the body, then closes the connection. */
		public Rule thenDropMidBody(int status, Map<String, String> headers, String body) {
			return then(new Answer(status, headers, body.getBytes(StandardCharsets.UTF_8), Fault.DROP_MID_BODY, Duration.ZERO));
		}

		/** Says nothing for {@code delay}, then closes the connection (a client timeout fires first). */
		public Rule thenStall(Duration delay) {
			return then(new Answer(0, Map.of(), new byte[0], Fault.STALL, delay));
		}

		/** Closes the connection without a word. */
		public Rule thenHangUp() {
			return then(new Answer(0, Map.of(), new byte[0], Fault.HANG_UP, Duration.ZERO));
		}

		/** Answers after {@code delay}. */
		public Rule thenRespondAfter(Duration delay, int status, Map<String, String> headers, String body) {
			return then(new Answer(status, headers, body.getBytes(StandardCharsets.UTF_8), Fault.NONE, delay));
		}

		private Rule then(Answer answer) {
			this.answers.addLast(answer);
			return this;
		}

		private synchronized Answer next() {
			return (this.answers.size() > 1) ? this.answers.pollFirst() : this.answers.peekFirst();
		}

	}

	private enum Fault {

		NONE, DROP_MID_BODY, STALL, HANG_UP

	}

	private record Answer(int status, Map<String, String> headers, byte[] body, Fault fault, Duration delay) {

		static Answer respond(int status, Map<String, String> headers, byte[] body) {
			return new Answer(status, headers, body, Fault.NONE, Duration.ZERO);
		}

		/** Writes the answer; false when the connection must close. */
		boolean write(OutputStream out) throws IOException {
			if (!this.delay.isZero()) {
				try {
					Thread.sleep(this.delay.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			if (this.fault == Fault.STALL || this.fault == Fault.HANG_UP) {
				return false;
			}
			byte[] body = this.body;
			StringBuilder head = new StringBuilder("HTTP/1.1 " + this.status + " Scripted\r\n");
			Map<String, String> all = new LinkedHashMap<>(this.headers);
			// "Connection: close" without a length: the body ends when the connection does
			boolean closing = "close".equalsIgnoreCase(all.get("Connection"));
			if (!closing) {
				all.putIfAbsent("Content-Length", String.valueOf(body.length));
			}
			all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			head.append("\r\n");
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			if (this.fault == Fault.DROP_MID_BODY) {
				out.write(body, 0, body.length / 2);
				out.flush();
				return false;
			}
			out.write(body);
			out.flush();
			return !closing;
		}

	}

}
