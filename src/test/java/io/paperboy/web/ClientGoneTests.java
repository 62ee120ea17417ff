package io.paperboy.web;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.paperboy.support.HeldAnswers;
import io.paperboy.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that hangs up while its answer is being written (a closed tab, a script's timeout) is
 * nobody's failure: no ERROR, no stack trace, for an API answer and for a page alike. The held
 * addresses are {@link HeldAnswers}, part of every {@link ServerTest} context.
 */
@ServerTest
@ExtendWith(OutputCaptureExtension.class)
class ClientGoneTests {

	@LocalServerPort
	int port;

	@Autowired
	HeldAnswers.Gate gate;

	@BeforeEach
	void freshGate() {
		this.gate.reset();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/test/large", "/test/large-page" })
	void aClientThatHangsUpMidAnswerLeavesNoErrorInTheLog(String path, CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(this.gate.awaitEntered(10, TimeUnit.SECONDS)).isTrue();
			// a reset rather than an orderly close: every later write of the server fails
			socket.setSoLinger(true, 0);
		}
		this.gate.release();

		await().atMost(Duration.ofSeconds(20)).until(this.gate::finished);
		assertThat(output.getAll().substring(logged)).doesNotContain("ERROR")
			.doesNotContain("WARN")
			.doesNotContain("ClientAbortException")
			.doesNotContain("Broken pipe");
	}

}
