package io.paperboy.ingest.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotFileTests {

	private static final String TEXT = "first\r\nsecond line é\n\n  \nlast without break";

	@TempDir
	Path dir;

	@Test
	void linesComeWithoutTheirBreaksAndOffsetsCountBytes() throws IOException {
		Path file = write("plain.jsonl", TEXT.getBytes(StandardCharsets.UTF_8));
		List<String> lines = new ArrayList<>();
		List<Long> offsets = new ArrayList<>();
		try (SnapshotFile in = SnapshotFile.open(file, 0)) {
			while (in.next()) {
				lines.add(new String(in.bytes(), 0, in.length(), StandardCharsets.UTF_8) + (in.blank() ? "|blank" : ""));
				offsets.add(in.offset());
			}
			assertThat(in.fileBytesRead()).isEqualTo(Files.size(file));
		}
		assertThat(lines).containsExactly("first", "second line é", "|blank", "  |blank", "last without break");
		assertThat(offsets).containsExactly(7L, 22L, 23L, 26L, 44L);
	}

	@Test
	void plainFileResumesAtAnOffset() throws IOException {
		Path file = write("plain.jsonl", TEXT.getBytes(StandardCharsets.UTF_8));
		assertThat(SnapshotFile.isGzip(file)).isFalse();
		assertThat(linesFrom(file, 22)).containsExactly("", "  ", "last without break");
	}

	@Test
	void gzipIsToldByItsMagicBytesNotItsName() throws IOException {
		Path file = write("looks-plain.jsonl", gzip(TEXT));
		assertThat(SnapshotFile.isGzip(file)).isTrue();
		assertThat(linesFrom(file, 0)).containsExactly("first", "second line é", "", "  ", "last without break");
		assertThat(linesFrom(file, 22)).containsExactly("", "  ", "last without break");
	}

	@Test
	void lineLongerThanTheLimitIsCutAndFlaggedAndTheNextLineIsWhole() throws IOException {
		Path file = this.dir.resolve("long.jsonl");
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(new byte[SnapshotFile.MAX_LINE_BYTES + 100]);
			out.write("\nnext\n".getBytes(StandardCharsets.UTF_8));
		}
		try (SnapshotFile in = SnapshotFile.open(file, 0)) {
			assertThat(in.next()).isTrue();
			assertThat(in.tooLong()).isTrue();
			assertThat(in.length()).isEqualTo(SnapshotFile.MAX_LINE_BYTES);
			assertThat(in.next()).isTrue();
			assertThat(in.tooLong()).isFalse();
			assertThat(new String(in.bytes(), 0, in.length(), StandardCharsets.UTF_8)).isEqualTo("next");
			assertThat(in.next()).isFalse();
		}
	}

	@Test
	void identityChangesWithTheContentAtTheSamePath() throws IOException {
		Path file = write("a.jsonl", "one\n".getBytes(StandardCharsets.UTF_8));
		SnapshotFile.Identity before = SnapshotFile.Identity.of(file);
		write("a.jsonl", "two\n".getBytes(StandardCharsets.UTF_8));
		SnapshotFile.Identity after = SnapshotFile.Identity.of(file);
		assertThat(after.path()).isEqualTo(before.path());
		assertThat(after.size()).isEqualTo(before.size());
		assertThat(after.headHash()).isNotEqualTo(before.headHash());
	}

	private List<String> linesFrom(Path file, long offset) throws IOException {
		List<String> lines = new ArrayList<>();
		try (SnapshotFile in = SnapshotFile.open(file, offset)) {
			while (in.next()) {
				lines.add(new String(in.bytes(), 0, in.length(), StandardCharsets.UTF_8));
			}
		}
		return lines;
	}

	private Path write(String name, byte[] bytes) throws IOException {
		return Files.write(this.dir.resolve(name), bytes);
	}

	private static byte[] gzip(String text) throws IOException {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
