package io.paperboy.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class EncodedBodyTests {

	private static final byte[] JSON = "[{\"paper\":{\"id\":\"2506.00001\"}}]".repeat(50).getBytes(StandardCharsets.UTF_8);

	@ParameterizedTest
	@ValueSource(strings = { "gzip", "gzip, deflate", "deflate, gzip;q=0.5", "br, GZIP", "*", "x-gzip" })
	void aClientThatAcceptsGzipGetsTheGzippedBody(String acceptEncoding) throws IOException {
		ResponseEntity<byte[]> response = EncodedBody.of(JSON).respond(MediaType.APPLICATION_JSON, acceptEncoding,
				HttpHeaders.EMPTY);

		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(gunzip(response.getBody())).isEqualTo(JSON);
		assertThat(response.getBody().length).isLessThan(JSON.length);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "identity", "deflate, br", "gzip;q=0", "gzip; q=0.000", "*;q=0" })
	void aClientThatDoesNotAcceptGzipGetsTheBodyAsItIs(String acceptEncoding) {
		ResponseEntity<byte[]> response = EncodedBody.of(JSON).respond(MediaType.APPLICATION_JSON, acceptEncoding,
				HttpHeaders.EMPTY);

		assertThat(response.getHeaders().containsHeader(HttpHeaders.CONTENT_ENCODING)).isFalse();
		assertThat(response.getBody()).isEqualTo(JSON);
	}

	@Test
	void aResponseIsMadeOncePerEncodingAndReusedForTheSameTypeAndHeaders() {
		EncodedBody body = EncodedBody.of("kept".getBytes(StandardCharsets.UTF_8));
		ResponseEntity<byte[]> plain = body.respond(MediaType.TEXT_PLAIN, null, HttpHeaders.EMPTY);
		ResponseEntity<byte[]> gzipped = body.respond(MediaType.TEXT_PLAIN, "gzip", HttpHeaders.EMPTY);

		assertThat(body.respond(MediaType.TEXT_PLAIN, "identity", HttpHeaders.EMPTY)).isSameAs(plain);
		assertThat(body.respond(MediaType.TEXT_PLAIN, "gzip", HttpHeaders.EMPTY)).isSameAs(gzipped);
		assertThat(gzipped.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(plain.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isNull();
	}

	@Test
	void otherHeadersOrAnotherTypeGetTheirOwnResponse() {
		EncodedBody body = EncodedBody.of("kept".getBytes(StandardCharsets.UTF_8));
		ResponseEntity<byte[]> plain = body.respond(MediaType.TEXT_PLAIN, null, HttpHeaders.EMPTY);
		HttpHeaders link = new HttpHeaders();
		link.add(HttpHeaders.LINK, "</next>; rel=\"next\"");

		ResponseEntity<byte[]> linked = body.respond(MediaType.TEXT_PLAIN, null, link);
		ResponseEntity<byte[]> json = body.respond(MediaType.APPLICATION_JSON, null, HttpHeaders.EMPTY);

		assertThat(linked.getHeaders().getFirst(HttpHeaders.LINK)).isEqualTo("</next>; rel=\"next\"");
		assertThat(json.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(body.respond(MediaType.TEXT_PLAIN, null, HttpHeaders.EMPTY)).isNotSameAs(plain)
			.satisfies((again) -> assertThat(again.getHeaders().getFirst(HttpHeaders.LINK)).isNull());
	}

	@Test
	void everyResponseSaysItVariesByAcceptEncodingAndKeepsExtraHeaders() {
		HttpHeaders extra = new HttpHeaders();
		extra.add(HttpHeaders.LINK, "<https://example.org/next>; rel=\"next\"");

		ResponseEntity<byte[]> response = EncodedBody.of(JSON).respond(MediaType.APPLICATION_JSON, null, extra);

		assertThat(response.getHeaders().getVary()).containsExactly(HttpHeaders.ACCEPT_ENCODING);
		assertThat(response.getHeaders().getFirst(HttpHeaders.LINK)).isEqualTo("<https://example.org/next>; rel=\"next\"");
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
	}

	private static byte[] gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
	}

}
