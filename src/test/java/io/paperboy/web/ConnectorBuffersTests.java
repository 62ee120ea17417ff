package io.paperboy.web;

import io.paperboy.support.ServerTest;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tomcat gathers an answer in a buffer of {@code paperboy.connector.write-buffer} before writing it
 * to the connection, scaled down on a small heap as the caches are, and never below Tomcat's own
 * 8 kB.
 */
@ServerTest
class ConnectorBuffersTests {

	private static final long GB = 1L << 30;

	@Autowired
	WebServerApplicationContext context;

	@Autowired
	ConnectorBuffers buffers;

	@Test
	void theRunningConnectorWritesFromABufferOfTheSetSize() {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();

		assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString(Integer.toString(this.buffers.writeBuffer()));
		assertThat(this.buffers.writeBuffer()).isEqualTo(ConnectorBuffers.size(64 * 1024, Runtime.getRuntime().maxMemory()))
			.isGreaterThan(ConnectorBuffers.TOMCAT_DEFAULT);
	}

	@Test
	void aHeapOfOneGigabyteOrMoreGetsTheWholeBuffer() {
		assertThat(ConnectorBuffers.size(64 * 1024, GB)).isEqualTo(64 * 1024);
		assertThat(ConnectorBuffers.size(64 * 1024, 8 * GB)).isEqualTo(64 * 1024);
	}

	@Test
	void aSmallerHeapGetsItsShareButNeverLessThanTomcatsOwn() {
		assertThat(ConnectorBuffers.size(64 * 1024, GB / 4)).isEqualTo(16 * 1024);
		assertThat(ConnectorBuffers.size(64 * 1024, GB / 16)).isEqualTo(ConnectorBuffers.TOMCAT_DEFAULT);
	}

	@Test
	void aSettingBelowTomcatsOwnIsKeptAsSet() {
		assertThat(ConnectorBuffers.size(4 * 1024, GB / 16)).isEqualTo(4 * 1024);
	}

	@Test
	void aSettingOfNothingOrMoreThanTwoGigabytesIsRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConnectorBuffers.size(0, GB))
			.withMessageContaining("paperboy.connector.write-buffer");
		assertThatIllegalArgumentException().isThrownBy(() -> ConnectorBuffers.size(3 * GB, GB))
			.withMessageContaining("paperboy.connector.write-buffer");
	}

}
