package io.paperboy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * One application node as its own JVM process, started from the tests' class path (so the tests'
 * {@code config/application.properties} applies, overridden by the arguments given), on a port of
 * its own, its output in a log file. {@link #kill()} is {@code kill -9}: the node gets no chance to
 * finish anything; {@link #pause()} stops it where it is, so that a test can look at what it holds
 * before it decides. Close it after the test, whatever happened.
 * <pre>
 * try (NodeProcess node = NodeProcess.start("a", directory, List.of("--spring.datasource.url=" + url))) {
 *     node.awaitReady(Duration.ofSeconds(60));
 * }
 * </pre>
 */
public final class NodeProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Nodes still running, killed when the test JVM stops, should a test never get to close them. */
	private static final Set<Process> running = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(Process::destroyForcibly), "node-reaper"));
	}

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private NodeProcess(String name, Process process, int port, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts a node; its data directory and log file are under {@code directory}, named after it.
	 * @param arguments properties, as {@code --name=value}, after the tests' own
	 */
	public static NodeProcess start(String name, Path directory, List<String> arguments) {
		// small: a few nodes share two cores with the database and the tests
		return start(name, directory, List.of("-Xmx256m"), arguments);
	}

	/**
	 * Starts a node with JVM options of its own (after the quick-start ones of {@link PaperboyCommand}).
	 * @param jvmOptions such as {@code -Xmx256m}
	 * @param arguments properties, as {@code --name=value}, after the tests' own
	 */
	public static NodeProcess start(String name, Path directory, List<String> jvmOptions, List<String> arguments) {
		try {
			Path data = Files.createDirectories(directory.resolve(name));
			Path log = directory.resolve(name + ".log");
			int port = freePort();
			List<String> command = PaperboyCommand.of(jvmOptions, List.of("--server.port=" + port,
					"--spring.main.banner-mode=off",
					"--paperboy.data-dir=" + data, "--paperboy.search.index-dir=" + data.resolve("index"),
					// the suite shares one PostgreSQL server among many contexts: a node needs few connections
					"--spring.datasource.hikari.maximum-pool-size=8"));
			command.addAll(arguments);
			Process process = new ProcessBuilder(command).directory(data.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			running.add(process);
			return new NodeProcess(name, process, port, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start node " + name, ex);
		}
	}

	/** Waits until the node answers HTTP; fails at once, with its log, if the process ended. */
	public NodeProcess awaitReady(Duration atMost) {
		await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Node " + this.name + " exited with " + this.process.exitValue()
						+ ":\n" + logTail(4_000));
			}
			try {
				return get("/api/daily_papers").statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return this;
	}

	public String name() {
		return this.name;
	}

	public int port() {
		return this.port;
	}

	/** The process id, as the node writes it into what it claims ({@code pid@host}). */
	public long pid() {
		return this.process.pid();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** {@code kill -9}: SIGKILL, no shutdown hook, no graceful stop; returns once the process is gone. */
	public void kill() {
		this.process.destroyForcibly();
		running.remove(this.process);
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Node " + this.name + " still runs after SIGKILL");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * {@code kill -STOP}: every thread of the node stops where it is, until {@link #resume()}; returns
	 * once the kernel shows each of them stopped, so nothing the node does changes what a test reads
	 * meanwhile (a statement it had already sent to a database may still complete).
	 */
	public void pause() {
		signal("STOP");
		await("node " + this.name + " to stop").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(10))
			.until(this::everyThreadStopped);
	}

	/** {@code kill -CONT}: a paused node goes on. */
	public void resume() {
		signal("CONT");
	}

	private void signal(String name) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).redirectErrorStream(true).start();
			String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (kill.waitFor() != 0) {
				throw new IllegalStateException("kill -" + name + " " + pid() + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while signalling " + this, ex);
		}
	}

	/** Whether every thread of the node is in state {@code T} (stopped by a signal), as {@code /proc} says. */
	private boolean everyThreadStopped() throws IOException {
		try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid()), "task"))) {
			return threads.allMatch((thread) -> {
				try {
					String stat = Files.readString(thread.resolve("stat"), StandardCharsets.US_ASCII);
					// "tid (name) S ...": the name may hold spaces and parentheses, the state follows the last ')'
					return stat.charAt(stat.lastIndexOf(')') + 2) == 'T';
				}
				catch (NoSuchFileException ex) {
					return true; // the thread has ended
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	/** The end of the node's log, for a failure message. */
	public String logTail(int characters) {
		try {
			String text = Files.readString(this.log, StandardCharsets.UTF_8);
			return text.substring(Math.max(0, text.length() - characters));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

	@Override
	public String toString() {
		return "node " + this.name + " (pid " + pid() + ", port " + this.port + ")";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
