import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * For {@code NODELAY=1 bench/digest.sh}: plain sockets with {@code TCP_NODELAY} on, handed to Angus
 * Mail through {@code mail.smtp.socketFactory.class} (the class is put on the boot class path, so
 * the unchanged application jar can load it). It shows what the app's delivery rate would be if
 * its SMTP connections did not wait on Nagle's algorithm: Angus Mail writes the end of a
 * message's data ({@code CRLF . CRLF}) as a small write of its own after the body, which Nagle's
 * algorithm holds back until the server acknowledges the body, and the server delays that
 * acknowledgement (40 ms on Linux).
 */
public class NoDelaySocketFactory extends SocketFactory {

	private static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

	static {
		// bench/digest.sh looks for this line to know the factory was used
		System.err.println("NoDelaySocketFactory: SMTP sockets with TCP_NODELAY");
	}

	/** How Angus Mail obtains the factory: a static {@code getDefault()}. */
	public static SocketFactory getDefault() {
		return INSTANCE;
	}

	@Override
	public Socket createSocket() throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		Socket socket = new Socket(host, port);
		socket.setTcpNoDelay(true);
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		Socket socket = new Socket(host, port, localHost, localPort);
		socket.setTcpNoDelay(true);
		return socket;
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		Socket socket = new Socket(host, port);
		socket.setTcpNoDelay(true);
		return socket;
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		Socket socket = new Socket(address, port, localAddress, localPort);
		socket.setTcpNoDelay(true);
		return socket;
	}

}
