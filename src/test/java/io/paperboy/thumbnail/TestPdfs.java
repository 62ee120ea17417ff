package io.paperboy.thumbnail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs made for a test by PDFBox: a paper's first page, and the odd files the job must survive. */
final class TestPdfs {

	private TestPdfs() {
	}

	/** A letter-size page with a title and a few lines of text. */
	static byte[] paper(String title) {
		return document(PDRectangle.LETTER, title, 1, null);
	}

	/** One page of this size, with a title. */
	static byte[] page(PDRectangle size) {
		return document(size, "A page", 1, null);
	}

	/** A document with no page at all. */
	static byte[] noPages() {
		return document(PDRectangle.LETTER, null, 0, null);
	}

	/** A letter-size page that opens only with this password. */
	static byte[] encrypted(String userPassword) {
		return document(PDRectangle.LETTER, "Secret", 1, userPassword);
	}

	private static byte[] document(PDRectangle size, String title, int pages, String userPassword) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 0; i < pages; i++) {
				PDPage page = new PDPage(size);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD), 20);
					content.newLineAtOffset(72, Math.min(size.getHeight(), 14000) - 96);
					content.showText(title);
					content.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 10);
					for (int line = 0; line < 12; line++) {
						content.newLineAtOffset(0, -14);
						content.showText("We study thumbnails of first pages, drawn small and kept on disk.");
					}
					content.endText();
				}
			}
			if (userPassword != null) {
				StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword,
						new AccessPermission());
				policy.setEncryptionKeyLength(128);
				document.protect(policy);
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
