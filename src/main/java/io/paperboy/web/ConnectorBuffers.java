package io.paperboy.web;

import io.paperboy.HeapShare;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Sizes the buffer in which Tomcat gathers an answer before writing it to the connection
 * ({@link ConnectorProperties#writeBuffer()}). Tomcat writes 8 kB at a time by default, which costs a
 * system call and a copy per 8 kB of a page; nginx writes a file in one.
 */
@Component
class ConnectorBuffers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	/** Tomcat's own size, below which a smaller heap does not go. */
	static final int TOMCAT_DEFAULT = 8 * 1024;

	private final int writeBuffer;

	ConnectorBuffers(ConnectorProperties properties) {
		this.writeBuffer = size(properties.writeBuffer().toBytes(), Runtime.getRuntime().maxMemory());
	}

	/** The buffer for a setting of {@code bytes} on a heap of {@code maxHeap}. */
	static int size(long bytes, long maxHeap) {
		if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("paperboy.connector.write-buffer must be between 1 byte and 2 GB, not "
					+ bytes + " bytes");
		}
		return (int) Math.max(Math.min(bytes, TOMCAT_DEFAULT), HeapShare.of(bytes, maxHeap));
	}

	/** The buffer's size in bytes. */
	int writeBuffer() {
		return this.writeBuffer;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addConnectorCustomizers((connector) -> {
			if (!connector.setProperty("socket.appWriteBufSize", Integer.toString(this.writeBuffer))) {
				throw new IllegalStateException("Tomcat's connector did not take socket.appWriteBufSize");
			}
		});
	}

}
