package io.paperboy.mail;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A message's data as SMTP wants it (RFC 5321, section 4.5.2): line ends as CRLF, and a dot
 * doubled where it starts a line. Angus Mail does the same in two streams stacked on each other,
 * each looking at every byte and the lower one writing each line to the connection on its own;
 * this one looks at each byte once and writes runs of whole lines, which for a message written as
 * CRLF already ({@link WrittenMessage}) is the whole body at once. Bytes that are not CRLF yet are
 * made so as Angus Mail makes them: a CR or an LF alone becomes CRLF.
 * <p>
 * {@link #flush()} does nothing, as in Angus Mail: the data go out with the dot that ends them.
 */
final class SmtpDataStream extends OutputStream {

	private static final byte[] CRLF = { '\r', '\n' };

	private final OutputStream connection;

	/** The last byte written, {@code '\n'} before the first: a dot at the start is doubled. */
	private int last = '\n';

	SmtpDataStream(OutputStream connection) {
		this.connection = connection;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		int run = offset;
		int end = offset + length;
		int last = this.last;
		for (int i = offset; i < end; i++) {
			byte b = bytes[i];
			if (b == '.' && (last == '\n' || last == '\r')) {
				// the dot stays in the run; one more goes before it
				this.connection.write(bytes, run, i - run);
				this.connection.write('.');
				run = i;
			}
			else if (b == '\r') {
				if (i + 1 < end && bytes[i + 1] == '\n') {
					// a line end as it should be: part of the run
					i++;
					b = '\n';
				}
				else {
					this.connection.write(bytes, run, i - run);
					this.connection.write(CRLF);
					run = i + 1;
				}
			}
			else if (b == '\n') {
				this.connection.write(bytes, run, i - run);
				if (last != '\r') {
					this.connection.write(CRLF);
				}
				run = i + 1;
			}
			last = b;
		}
		this.connection.write(bytes, run, end - run);
		this.last = last;
	}

	/** Ends the line the data end in, if they do not end one already: the dot that ends them needs a line of its own. */
	void endLine() throws IOException {
		if (this.last != '\n' && this.last != '\r') {
			this.connection.write(CRLF);
			this.last = '\n';
		}
	}

	@Override
	public void flush() {
		// the data are flushed with the dot that ends them
	}

}
