package io.paperboy.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which text may go 7bit, and quoted-printable for the rest. */
class TextBodyTests {

	@Test
	void asciiWithLinesUpTo998OctetsIsSevenBit() {
		assertThat(TextBody.isSevenBit(bytes("Trending papers\n\n1. A title\n"))).isTrue();
		assertThat(TextBody.isSevenBit(bytes("x".repeat(998) + "\n" + "y".repeat(998)))).isTrue();
		assertThat(TextBody.isSevenBit(bytes(""))).isTrue();
	}

	@Test
	void anythingElseIsNot() {
		assertThat(TextBody.isSevenBit(bytes("x".repeat(999)))).as("a line too long").isFalse();
		assertThat(TextBody.isSevenBit(bytes("Trending papers — Nov 28"))).as("not ASCII").isFalse();
		assertThat(TextBody.isSevenBit(bytes("a\u0000b"))).as("NUL").isFalse();
		assertThat(TextBody.isSevenBit(bytes("a\rb"))).as("a bare CR").isFalse();
	}

	@Test
	void quotedPrintableReadsBackAsTheTextWithNoLineOver76() throws Exception {
		List<String> texts = List.of("Trending papers — Nov 28\n", "a = b\n", "ends in a space \nand a tab\t\nend ",
				"Müller, Çelik and “others” 😀\n", "é".repeat(200) + "\n" + "x".repeat(300) + "\n", "=".repeat(80),
				"a\r\nb\rc", "", "x".repeat(75) + "é", "x".repeat(74) + " \n", ".\n.leading dot\n");
		for (String text : texts) {
			byte[] encoded = QuotedPrintable.encode(text.getBytes(StandardCharsets.UTF_8));
			String ascii = new String(encoded, StandardCharsets.US_ASCII);

			assertThat(ascii.split("\r\n", -1)).as(text).allMatch((line) -> line.length() <= 76);
			assertThat(ascii.replace("\r\n", "")).as(text).doesNotContain("\n").doesNotContain("\r");
			assertThat(ascii.split("\r\n", -1)).as("no line ends in white space: " + text)
				.noneMatch((line) -> line.endsWith(" ") || line.endsWith("\t"));
			byte[] decoded = MimeUtility.decode(new ByteArrayInputStream(encoded), "quoted-printable").readAllBytes();
			assertThat(new String(decoded, StandardCharsets.UTF_8).replace("\r\n", "\n"))
				.isEqualTo(text.replace("\r\n", "\n").replace("\r", "\r"));
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
