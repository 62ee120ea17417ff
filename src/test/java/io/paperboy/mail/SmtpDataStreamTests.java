package io.paperboy.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data of a message go on the wire as Angus Mail's own stream writes them: CRLF line ends and
 * a dot doubled at the start of a line, however the bytes are cut into writes.
 */
class SmtpDataStreamTests {

	private static final List<String> DATA = List.of("Subject: a\r\n\r\nbody\r\n", ".starts with a dot\r\n.\r\n..two\r\n",
			"bare\nline ends\rand\r\rmixed\n\r.dot after a bare CR\n.dot after a bare LF", "no line end at the end",
			"\r\n", "", ".", "\n.\n", "a\r", "\r\n.\r\n.\r\n", "=C3=A9 quoted=\r\n soft=\r\n.\r\n");

	@Test
	void writtenAtOnceTheDataAreWhatAngusMailWrites() throws IOException {
		for (String data : DATA) {
			byte[] bytes = data.getBytes(StandardCharsets.ISO_8859_1);
			assertThat(ours(bytes, bytes.length)).as(data).isEqualTo(angus(bytes, bytes.length));
		}
	}

	@Test
	void writtenInPiecesCutAnywhereTheDataAreWhatAngusMailWrites() throws IOException {
		for (String data : DATA) {
			byte[] bytes = String.join("", DATA).concat(data).getBytes(StandardCharsets.ISO_8859_1);
			for (int piece = 1; piece <= 7; piece++) {
				assertThat(ours(bytes, piece)).as(data + " cut every " + piece).isEqualTo(angus(bytes, piece));
			}
		}
	}

	@Test
	void theDataEndOnALineOfTheirOwnAndFlushingWritesNothingYet() throws IOException {
		ByteArrayOutputStream connection = new ByteArrayOutputStream();
		SmtpDataStream data = new SmtpDataStream(connection);
		data.write("last line".getBytes(StandardCharsets.US_ASCII));
		data.flush();
		data.endLine();
		data.endLine();

		assertThat(connection.toString(StandardCharsets.US_ASCII)).isEqualTo("last line\r\n");
		assertThat(DirectDataTransport.writesDirectly()).as("Angus Mail's connection field is reached").isTrue();
	}

	private static String ours(byte[] bytes, int piece) throws IOException {
		return written(bytes, piece, true);
	}

	private static String angus(byte[] bytes, int piece) throws IOException {
		return written(bytes, piece, false);
	}

	/** The data as they reach the connection through Paperboy's stream, or through Angus Mail's. */
	private static String written(byte[] bytes, int piece, boolean ours) throws IOException {
		ByteArrayOutputStream connection = new ByteArrayOutputStream();
		if (ours) {
			SmtpDataStream data = new SmtpDataStream(connection);
			write(data, bytes, piece);
			data.endLine();
		}
		else {
			SMTPOutputStream data = new SMTPOutputStream(connection);
			write(data, bytes, piece);
			data.ensureAtBOL();
		}
		return connection.toString(StandardCharsets.ISO_8859_1);
	}

	private static void write(OutputStream out, byte[] bytes, int piece) throws IOException {
		for (int at = 0; at < bytes.length; at += piece) {
			if (piece == 1) {
				out.write(bytes[at]);
			}
			else {
				out.write(bytes, at, Math.min(piece, bytes.length - at));
			}
		}
	}

}
