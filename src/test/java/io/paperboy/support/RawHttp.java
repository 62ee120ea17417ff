package io.paperboy.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * HTTP/1.0 from a chosen local address: {@code 127.0.0.2}, {@code 127.0.0.3}... are different
 * clients on one machine, so a test can tell whom a server believes a request came from. Over TLS
 * it accepts any certificate (the test made the proxy's). One request a connection, read to the end.
 */
public final class RawHttp {

	private final String clientAddress;

	private final boolean tls;

	private final int port;

	public RawHttp(String clientAddress, int port, boolean tls) {
		this.clientAddress = clientAddress;
		this.port = port;
		this.tls = tls;
	}

	/** An answer: status, headers (names in lower case, every value kept), body. */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		public String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null) ? values.get(0) : null;
		}

		public List<String> headers(String name) {
			return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
		}

	}

	public Response get(String path, String... headers) throws IOException {
		return send("GET", path, null, headers);
	}

	public Response postForm(String path, String body, String... headers) throws IOException {
		return send("POST", path, body, headers);
	}

	private Response send(String method, String path, String body, String... headers) throws IOException {
		Socket socket = new Socket();
		socket.bind(new InetSocketAddress(this.clientAddress, 0));
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
		socket.setSoTimeout(30_000);
		if (this.tls) {
			socket = trustingEverything().getSocketFactory().createSocket(socket, "localhost", this.port, true);
			((SSLSocket) socket).startHandshake();
		}
		try (Socket open = socket) {
			StringBuilder request = new StringBuilder().append(method).append(' ').append(path).append(" HTTP/1.0\r\n");
			request.append("Host: localhost:").append(this.port).append("\r\n");
			for (String header : headers) {
				request.append(header).append("\r\n");
			}
			byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
			if (body != null) {
				request.append("Content-Type: application/x-www-form-urlencoded\r\n");
				request.append("Content-Length: ").append(content.length).append("\r\n");
			}
			request.append("\r\n");
			OutputStream out = open.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return parse(open.getInputStream().readAllBytes());
		}
	}

	private static Response parse(byte[] raw) {
		String all = new String(raw, StandardCharsets.UTF_8);
		int end = all.indexOf("\r\n\r\n");
		String head = (end >= 0) ? all.substring(0, end) : all;
		String body = (end >= 0) ? all.substring(end + 4) : "";
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), (name) -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).strip());
		}
		return new Response(status, headers, body);
	}

	private static SSLContext trustingEverything() throws IOException {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] { new X509TrustManager() {
				@Override
				public void checkClientTrusted(X509Certificate[] chain, String authType) {
				}

				@Override
				public void checkServerTrusted(X509Certificate[] chain, String authType) {
				}

				@Override
				public X509Certificate[] getAcceptedIssuers() {
					return new X509Certificate[0];
				}
			} }, new SecureRandom());
			return context;
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IOException(ex);
		}
	}

}
