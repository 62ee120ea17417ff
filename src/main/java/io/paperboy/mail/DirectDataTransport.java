package io.paperboy.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport, but for the stream a message's data are written to after
 * {@code DATA}: {@link SmtpDataStream}, one pass over the bytes, rather than Angus Mail's two
 * streams and a write per line (about a tenth of a digest sender's time went there). Everything else
 * (the dialogue, STARTTLS, authentication, {@code BDAT}, replies and failures) is Angus Mail's own.
 * <p>
 * The stream writes to the transport's buffered connection, a private field of Angus Mail's; when
 * it cannot be reached (another version of the library), messages go through Angus Mail's stream as
 * they would without this class.
 */
final class DirectDataTransport extends SMTPTransport {

	private static final Field CONNECTION = connectionField();

	private SmtpDataStream data;

	DirectDataTransport(Session session) {
		super(session, new URLName("smtp", null, -1, null, null, null));
	}

	/** Whether the data go through {@link SmtpDataStream}: Angus Mail's connection field was found. */
	static boolean writesDirectly() {
		return CONNECTION != null;
	}

	@Override
	protected OutputStream data() throws MessagingException {
		OutputStream library = super.data();
		OutputStream connection = connection();
		if (connection == null) {
			return library;
		}
		this.data = new SmtpDataStream(connection);
		return this.data;
	}

	@Override
	protected void finishData() throws IOException, MessagingException {
		if (this.data != null) {
			this.data.endLine();
			this.data = null;
		}
		super.finishData();
	}

	private OutputStream connection() {
		if (CONNECTION == null) {
			return null;
		}
		try {
			return (OutputStream) CONNECTION.get(this);
		}
		catch (IllegalAccessException ex) {
			return null;
		}
	}

	private static Field connectionField() {
		try {
			Field field = SMTPTransport.class.getDeclaredField("serverOutput");
			field.setAccessible(true);
			return OutputStream.class.isAssignableFrom(field.getType()) ? field : null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

}
