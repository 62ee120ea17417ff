package io.paperboy.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on a loopback port that answers from a script, for the faults a relay produces
 * and GreenMail does not: a busy greeting (421), a recipient refused for now (451) or for good (550),
 * a message refused after DATA, a connection dropped in the middle of a message. Every accepted
 * message is kept as the exact bytes that came over the wire. Close it after the test.
 * <pre>
 * try (ScriptedSmtpServer relay = ScriptedSmtpServer.start()) {
 *     relay.reply("RCPT TO:&lt;gone@", "550 5.1.1 No such user");
 *     relay.dropMessageTo("flaky@example.org");
 * }
 * </pre>
 * Commands no rule matches get the answer a willing relay gives.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final ExecutorService workers = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "scripted-smtp");
		thread.setDaemon(true);
		return thread;
	});

	private volatile String greeting = "220 scripted.example ESMTP";

	private final Map<String, String> replies = new ConcurrentHashMap<>();

	private final Map<String, String> refusedAfterData = new ConcurrentHashMap<>();

	private final List<String> droppedRecipients = new CopyOnWriteArrayList<>();

	private final List<String> commands = new CopyOnWriteArrayList<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private volatile boolean refusing;

	private final AtomicInteger refused = new AtomicInteger();

	private final java.util.Set<Socket> open = ConcurrentHashMap.newKeySet();

	private ScriptedSmtpServer(ServerSocket socket) {
		this.socket = socket;
	}

	public static ScriptedSmtpServer start() {
		try {
			ScriptedSmtpServer server = new ScriptedSmtpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
			server.workers.execute(server::accept);
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public int port() {
		return this.socket.getLocalPort();
	}

	/** The first line a client reads, such as {@code 421 4.3.2 Too busy}; a 4xx or 5xx greeting then closes. */
	public ScriptedSmtpServer greeting(String reply) {
		this.greeting = reply;
		return this;
	}

	/** The reply to every command that starts with {@code commandStart} (case-insensitive): {@code "RCPT TO:<gone@"}. */
	public ScriptedSmtpServer reply(String commandStart, String reply) {
		this.replies.put(commandStart.toUpperCase(Locale.ROOT), reply);
		return this;
	}

	/** Takes the whole message to this recipient, then refuses it with {@code reply} instead of {@code 250}. */
	public ScriptedSmtpServer refuseMessageTo(String recipient, String reply) {
		this.refusedAfterData.put(recipient.toLowerCase(Locale.ROOT), reply);
		return this;
	}

	/** Closes the connection in the middle of the message to this recipient, before it is accepted. */
	public ScriptedSmtpServer dropMessageTo(String recipient) {
		this.droppedRecipients.add(recipient.toLowerCase(Locale.ROOT));
		return this;
	}

	/** Every command line received, in order, on every connection. */
	public List<String> commands() {
		return List.copyOf(this.commands);
	}

	/** The messages accepted with {@code 250} after DATA. */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/**
	 * Forgets every script, command, message and connection count and greets as a willing relay
	 * again, for a server shared by many tests.
	 */
	public void reset() {
		this.greeting = "220 scripted.example ESMTP";
		this.replies.clear();
		this.refusedAfterData.clear();
		this.droppedRecipients.clear();
		this.commands.clear();
		this.received.clear();
		this.connections.set(0);
		this.refusing = false;
		this.refused.set(0);
	}

	/**
	 * Closes every connection, and from now on each new one as soon as it is made, before the
	 * greeting, as a relay that is down behind its address does, until {@link #reset}. The server
	 * keeps its port meanwhile: a port let go could be taken by another server of the test run,
	 * which would then answer in its place.
	 */
	public void refuseConnections() {
		this.refusing = true;
		try {
			for (Socket connection : this.open) {
				connection.close();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** How many connections were closed unanswered since {@link #refuseConnections}. */
	public int refused() {
		return this.refused.get();
	}

	/** How many connections clients opened. */
	public int connections() {
		return this.connections.get();
	}

	private void accept() {
		ServerSocket listening = this.socket;
		while (!listening.isClosed()) {
			try {
				Socket connection = listening.accept();
				if (this.refusing) {
					this.refused.incrementAndGet();
					connection.close();
					continue;
				}
				this.connections.incrementAndGet();
				this.workers.execute(() -> converse(connection));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void converse(Socket connection) {
		this.open.add(connection);
		try (connection) {
			InputStream in = connection.getInputStream();
			OutputStream out = connection.getOutputStream();
			send(out, this.greeting);
			if (!this.greeting.startsWith("2")) {
				return;
			}
			String mailFrom = null;
			List<String> recipients = new ArrayList<>();
			String line;
			while ((line = readLine(in)) != null) {
				this.commands.add(line);
				String upper = line.toUpperCase(Locale.ROOT);
				String scripted = scripted(upper);
				if (scripted != null) {
					send(out, scripted);
					continue;
				}
				if (upper.startsWith("EHLO")) {
					send(out, "250-scripted.example\r\n250 8BITMIME");
				}
				else if (upper.startsWith("HELO") || upper.startsWith("NOOP")) {
					send(out, "250 OK");
				}
				else if (upper.startsWith("RSET")) {
					mailFrom = null;
					recipients.clear();
					send(out, "250 OK");
				}
				else if (upper.startsWith("MAIL FROM:")) {
					mailFrom = address(line);
					recipients.clear();
					send(out, "250 2.1.0 OK");
				}
				else if (upper.startsWith("RCPT TO:")) {
					recipients.add(address(line));
					send(out, "250 2.1.5 OK");
				}
				else if (upper.startsWith("DATA")) {
					send(out, "354 End data with <CR><LF>.<CR><LF>");
					if (recipients.stream().anyMatch((to) -> this.droppedRecipients.contains(to.toLowerCase(Locale.ROOT)))) {
						readLine(in);
						return;
					}
					byte[] data = readData(in);
					String refusal = recipients.stream()
						.map((to) -> this.refusedAfterData.get(to.toLowerCase(Locale.ROOT)))
						.filter((reply) -> reply != null)
						.findFirst()
						.orElse(null);
					if (refusal != null) {
						send(out, refusal);
					}
					else {
						this.received.add(new Received(mailFrom, List.copyOf(recipients), data));
						send(out, "250 2.0.0 Queued");
					}
					mailFrom = null;
					recipients.clear();
				}
				else if (upper.startsWith("QUIT")) {
					send(out, "221 2.0.0 Bye");
					return;
				}
				else {
					send(out, "502 5.5.2 Command not recognised");
				}
			}
		}
		catch (IOException ex) {
			// the client went away: nothing to answer
		}
		finally {
			this.open.remove(connection);
		}
	}

	private String scripted(String upperCommand) {
		return this.replies.entrySet()
			.stream()
			.filter((rule) -> upperCommand.startsWith(rule.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String address(String command) {
		int open = command.indexOf('<');
		int close = command.indexOf('>', open + 1);
		return (open >= 0 && close > open) ? command.substring(open + 1, close) : "";
	}

	/** The message up to the line holding a lone dot, dot-stuffing undone, lines ending in CRLF. */
	private static byte[] readData(InputStream in) throws IOException {
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		String line;
		while ((line = readLine(in)) != null && !line.equals(".")) {
			data.writeBytes((line.startsWith(".") ? line.substring(1) : line).getBytes(StandardCharsets.ISO_8859_1));
			data.writeBytes(new byte[] { '\r', '\n' });
		}
		return data.toByteArray();
	}

	/** One line without its CRLF, bytes kept as they are (ISO-8859-1), or null at the end of the stream. */
	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
		return (line.size() > 0) ? line.toString(StandardCharsets.ISO_8859_1) : null;
	}

	private static void send(OutputStream out, String reply) throws IOException {
		out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
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
	 * A message the server accepted.
	 *
	 * @param mailFrom the envelope sender ({@code MAIL FROM})
	 * @param recipients the envelope recipients ({@code RCPT TO})
	 * @param data the message exactly as it came, headers and body, CRLF line ends
	 */
	public record Received(String mailFrom, List<String> recipients, byte[] data) {

		public String text() {
			return new String(this.data, StandardCharsets.ISO_8859_1);
		}

	}

}
