package io.paperboy.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real nginx (Debian's {@code nginx-light}, installed by {@code .ci/run}) as the reverse proxy in
 * front of a test's server, configured the way {@code docs/operations.md} tells an operator: TLS
 * ended at nginx with a certificate made for the test, {@code Host}, {@code X-Forwarded-For},
 * {@code X-Forwarded-Proto} and {@code X-Forwarded-Port} passed on. It runs as one foreground process of the test's user, with
 * every file in a temporary folder, and is stopped by {@link #close()}.
 */
public final class Nginx implements AutoCloseable {

	private static final Path BINARY = Path.of("/usr/sbin/nginx");

	private final Process process;

	private final Path folder;

	private final int httpsPort;

	private final int plainPort;

	private Nginx(Process process, Path folder, int httpsPort, int plainPort) {
		this.process = process;
		this.folder = folder;
		this.httpsPort = httpsPort;
		this.plainPort = plainPort;
	}

	/**
	 * Starts nginx with two servers in front of {@code upstreamPort}: one on HTTPS configured as
	 * the operations guide says, and one on plain HTTP with nothing but {@code proxy_pass} (nginx's
	 * default, which sends no forwarded header at all).
	 * @param httpsPort the port of the TLS server (chosen before the application starts, since its
	 * base URL names it)
	 */
	public static Nginx inFrontOf(int upstreamPort, int httpsPort) throws IOException, InterruptedException {
		if (!Files.isExecutable(BINARY)) {
			throw new IllegalStateException("These tests need nginx: apt-get install nginx-light (.ci/run does)");
		}
		Path folder = Files.createTempDirectory("paperboy-nginx");
		int plainPort = freePort();
		Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
				"-subj", "/CN=localhost", "-keyout", folder.resolve("key.pem").toString(), "-out",
				folder.resolve("cert.pem").toString())
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("openssl.log").toFile())
			.start();
		if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
			throw new IllegalStateException("openssl could not make a certificate: " + Files.readString(folder.resolve("openssl.log")));
		}
		Files.writeString(folder.resolve("nginx.conf"), """
				daemon off;
				master_process off;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events { worker_connections 256; }
				http {
				    access_log off;
				    client_body_temp_path %1$s/body;
				    proxy_temp_path %1$s/proxy;
				    fastcgi_temp_path %1$s/fastcgi;
				    uwsgi_temp_path %1$s/uwsgi;
				    scgi_temp_path %1$s/scgi;
				    server {
				        listen 127.0.0.1:%2$d ssl;
				        server_name localhost;
				        ssl_certificate %1$s/cert.pem;
				        ssl_certificate_key %1$s/key.pem;
				        location / {
				            proxy_pass http://127.0.0.1:%3$d;
				            proxy_set_header Host $host;
				            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
				            proxy_set_header X-Forwarded-Proto $scheme;
				            proxy_set_header X-Forwarded-Port $server_port;
				        }
				    }
				    server {
				        listen 127.0.0.1:%4$d;
				        location / {
				            proxy_pass http://127.0.0.1:%3$d;
				        }
				    }
				}
				""".formatted(folder, httpsPort, upstreamPort, plainPort));
		Process nginx = new ProcessBuilder(BINARY.toString(), "-p", folder.toString(), "-c",
				folder.resolve("nginx.conf").toString(), "-e", folder.resolve("error.log").toString())
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("stdout.log").toFile())
			.start();
		Nginx started = new Nginx(nginx, folder, httpsPort, plainPort);
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			if (!nginx.isAlive()) {
				throw new IllegalStateException("nginx stopped: " + Files.readString(folder.resolve("error.log")));
			}
			return listens(httpsPort) && listens(plainPort);
		});
		return started;
	}

	/** The port of the server that ends TLS and passes the forwarded headers. */
	public int httpsPort() {
		return this.httpsPort;
	}

	/** The port of the server that only passes requests on, with no forwarded header. */
	public int plainPort() {
		return this.plainPort;
	}

	/** A port nothing listens on now. */
	public static int freePort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static boolean listens(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
		try (var files = Files.walk(this.folder)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

}
