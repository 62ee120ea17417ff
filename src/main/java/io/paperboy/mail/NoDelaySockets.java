package io.paperboy.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Plain sockets with {@code TCP_NODELAY} on, for the connection to the relay. Angus Mail writes the
 * end of a message's data ({@code CRLF . CRLF}) as a small write of its own; with Nagle's algorithm
 * on, that write waits for the relay to acknowledge the body, which the relay delays (40 ms on
 * Linux), so every message would cost a delayed acknowledgement and a connection could carry only
 * some 20 messages a second. STARTTLS layers TLS over these sockets as it would over any other.
 */
final class NoDelaySockets extends SocketFactory {

	static final NoDelaySockets INSTANCE = new NoDelaySockets();

	private NoDelaySockets() {
	}

	@Override
	public Socket createSocket() throws IOException {
		return noDelay(new Socket());
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return noDelay(new Socket(host, port, localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return noDelay(new Socket(address, port, localAddress, localPort));
	}

	private static Socket noDelay(Socket socket) throws IOException {
		socket.setTcpNoDelay(true);
		return socket;
	}

}
