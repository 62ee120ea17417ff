package io.paperboy.ingest.snapshot;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * A snapshot file read line by line as bytes, plain or gzipped (told by its first bytes, not its
 * name), knowing where each line ends so that a later run can start after it: in a plain file it
 * seeks there; in a gzipped one it decompresses up to there again.
 */
final class SnapshotFile implements Closeable {

	/** Longer lines are skipped whole rather than held in memory; real records are a few kB. */
	static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

	/** How much of the start of a file its identity covers. */
	private static final int HEAD_BYTES = 64 * 1024;

	private final CountingInputStream raw;

	private final InputStream in;

	private final long size;

	private final byte[] buffer = new byte[64 * 1024];

	private int position;

	private int limit;

	private byte[] line = new byte[16 * 1024];

	private int length;

	private boolean tooLong;

	/** Bytes of the (decompressed) content consumed, up to the end of the last line returned. */
	private long offset;

	private SnapshotFile(CountingInputStream raw, InputStream in, long size, long offset) {
		this.raw = raw;
		this.in = in;
		this.size = size;
		this.offset = offset;
	}

	/**
	 * Which file this is, for a checkpoint: a different file at the same path (a newer snapshot)
	 * must not resume from an older one's position.
	 */
	record Identity(String path, long size, String headHash) {

		static Identity of(Path file) throws IOException {
			byte[] head;
			try (InputStream in = Files.newInputStream(file)) {
				head = in.readNBytes(HEAD_BYTES);
			}
			try {
				String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(head));
				return new Identity(file.toRealPath().toString(), Files.size(file), hash);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	static boolean isGzip(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] magic = in.readNBytes(2);
			return magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
		}
	}

	/** Opens the file positioned at {@code offset} bytes of its content (a line start). */
	static SnapshotFile open(Path file, long offset) throws IOException {
		long size = Files.size(file);
		if (isGzip(file)) {
			CountingInputStream raw = new CountingInputStream(Files.newInputStream(file));
			InputStream in = new GZIPInputStream(raw, 64 * 1024);
			try {
				in.skipNBytes(offset);
			}
			catch (IOException ex) {
				in.close();
				throw ex;
			}
			return new SnapshotFile(raw, in, size, offset);
		}
		FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
		channel.position(offset);
		CountingInputStream raw = new CountingInputStream(Channels.newInputStream(channel));
		raw.count = offset;
		return new SnapshotFile(raw, raw, size, offset);
	}

	/**
	 * Reads the next line, without its line break.
	 * @return false at the end of the file
	 */
	boolean next() throws IOException {
		// a buffer grown for one long line is not kept for the rest of the file
		if (this.line.length > 1024 * 1024) {
			this.line = new byte[16 * 1024];
		}
		this.length = 0;
		this.tooLong = false;
		long read = 0;
		while (true) {
			if (this.position == this.limit) {
				this.limit = this.in.read(this.buffer, 0, this.buffer.length);
				this.position = 0;
				if (this.limit <= 0) {
					this.limit = 0;
					break;
				}
			}
			int end = this.position;
			while (end < this.limit && this.buffer[end] != '\n') {
				end++;
			}
			append(this.position, end - this.position);
			read += end - this.position;
			if (end < this.limit) {
				// the line break: consumed, not kept
				this.position = end + 1;
				read++;
				break;
			}
			this.position = end;
		}
		if (read == 0) {
			return false;
		}
		this.offset += read;
		if (this.length > 0 && this.line[this.length - 1] == '\r') {
			this.length--;
		}
		return true;
	}

	private void append(int from, int count) {
		int kept = Math.min(count, MAX_LINE_BYTES - this.length);
		if (kept < count) {
			this.tooLong = true;
		}
		if (kept <= 0) {
			return;
		}
		if (this.length + kept > this.line.length) {
			int capacity = this.line.length;
			while (capacity < this.length + kept) {
				capacity *= 2;
			}
			this.line = Arrays.copyOf(this.line, Math.min(capacity, MAX_LINE_BYTES));
		}
		System.arraycopy(this.buffer, from, this.line, this.length, kept);
		this.length += kept;
	}

	/** The current line's bytes; valid up to {@link #length()} and until the next call to {@link #next()}. */
	byte[] bytes() {
		return this.line;
	}

	int length() {
		return this.length;
	}

	/** Whether the current line was longer than {@link #MAX_LINE_BYTES} (only its start is kept). */
	boolean tooLong() {
		return this.tooLong;
	}

	boolean blank() {
		for (int i = 0; i < this.length; i++) {
			byte b = this.line[i];
			if (b != ' ' && b != '\t') {
				return false;
			}
		}
		return !this.tooLong;
	}

	/** Bytes of content up to the end of the current line: where a later run resumes. */
	long offset() {
		return this.offset;
	}

	/** Bytes of the file itself read so far (compressed bytes for a gzipped file), for progress. */
	long fileBytesRead() {
		return this.raw.count;
	}

	long fileSize() {
		return this.size;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	private static final class CountingInputStream extends FilterInputStream {

		private long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			if (read > 0) {
				this.count += read;
			}
			return read;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			this.count += skipped;
			return skipped;
		}

	}

}
