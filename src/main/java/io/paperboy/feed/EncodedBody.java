package io.paperboy.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A response body kept ready in two encodings: as it is, and gzipped. Compressing once when the
 * body is made, rather than on every request, lets clients that accept gzip (browsers, Python's
 * requests under huggingface_hub) receive a fifth of the bytes at no cost per request.
 *
 * @param identity the body as it is
 * @param gzip the same body, gzipped
 */
record EncodedBody(byte[] identity, byte[] gzip) {

	static EncodedBody of(byte[] identity) {
		ByteArrayOutputStream compressed = new ByteArrayOutputStream(identity.length / 4 + 64);
		try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
			out.write(identity);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new EncodedBody(identity, compressed.toByteArray());
	}

	/** Bytes held, for weighing in a cache. */
	int size() {
		return this.identity.length + this.gzip.length;
	}

	/** A 200 response with this body, gzipped when the request's {@code Accept-Encoding} allows it. */
	ResponseEntity<byte[]> respond(MediaType type, String acceptEncoding, HttpHeaders extra) {
		boolean gzipped = acceptsGzip(acceptEncoding);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
			.headers(extra);
		if (gzipped) {
			response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		return response.body(gzipped ? this.gzip : this.identity);
	}

	/** Whether an {@code Accept-Encoding} header lists gzip (or {@code *}) without refusing it with {@code q=0}. */
	static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String part : acceptEncoding.split(",")) {
			String[] pieces = part.trim().split(";");
			String coding = pieces[0].trim().toLowerCase(java.util.Locale.ROOT);
			if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
				for (int i = 1; i < pieces.length; i++) {
					String parameter = pieces[i].trim().replace(" ", "");
					if (parameter.matches("q=0(\\.0{0,3})?")) {
						return false;
					}
				}
				return true;
			}
		}
		return false;
	}

}
