package io.paperboy.thumbnail;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Draws the first page of a PDF as a small JPEG: {@link #WIDTH} pixels wide, as tall as the page's
 * proportions ask up to {@link #MAX_HEIGHT} (the top of a very tall page), so a hostile page size
 * cannot ask for a huge image. PDFBox keeps the document's streams in temporary files, not in
 * memory. Whatever is wrong with the file ends as a {@link ThumbnailFailure} that says what.
 */
class FirstPageRenderer {

	/** Wide enough for a sharp card image on a high-density screen, small on disk (tens of kB). */
	static final int WIDTH = 400;

	/** A page at most twice as tall as wide (letter is 1.29, A4 1.41). */
	static final int MAX_HEIGHT = 2 * WIDTH;

	private static final float QUALITY = 0.8f;

	/**
	 * The JPEG of the first page.
	 * @throws ThumbnailFailure when the file is not a readable PDF, is encrypted, has no page, or
	 * its first page cannot be drawn
	 */
	byte[] render(Path pdf) throws ThumbnailFailure {
		try (PDDocument document = Loader.loadPDF(pdf.toFile(), "", null, null,
				IOUtils.createTempFileOnlyStreamCache())) {
			if (document.getNumberOfPages() == 0) {
				throw ThumbnailFailure.lasting("the PDF has no pages");
			}
			PDRectangle box = document.getPage(0).getCropBox();
			float width = box.getWidth();
			float height = box.getHeight();
			int rotation = document.getPage(0).getRotation();
			if (rotation == 90 || rotation == 270) {
				float turned = width;
				width = height;
				height = turned;
			}
			if (!(width >= 1) || !(height >= 1) || Float.isInfinite(width) || Float.isInfinite(height)) {
				throw ThumbnailFailure.lasting("the first page has no size (" + width + " × " + height + " pt)");
			}
			float scale = WIDTH / width;
			int imageHeight = (int) Math.min(MAX_HEIGHT, Math.max(1, Math.round(height * scale)));
			BufferedImage image = new BufferedImage(WIDTH, imageHeight, BufferedImage.TYPE_INT_RGB);
			Graphics2D graphics = image.createGraphics();
			try {
				graphics.setBackground(Color.WHITE);
				graphics.clearRect(0, 0, WIDTH, imageHeight);
				graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
				graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
				graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
				PDFRenderer renderer = new PDFRenderer(document);
				// the image's own size bounds memory, whatever the page's size: what falls outside is clipped
				renderer.renderPageToGraphics(0, graphics, scale);
			}
			finally {
				graphics.dispose();
			}
			return jpeg(image);
		}
		catch (InvalidPasswordException ex) {
			throw ThumbnailFailure.lasting("the PDF is encrypted");
		}
		catch (IOException ex) {
			throw new ThumbnailFailure("the PDF could not be read: " + describe(ex), false, ex);
		}
		catch (RuntimeException | StackOverflowError ex) {
			// PDFBox on a hostile file may fail in ways it does not declare
			throw new ThumbnailFailure("the first page could not be drawn: " + describe(ex), false, ex);
		}
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			parameters.setCompressionQuality(QUALITY);
			writer.write(null, new IIOImage(image, null, null), parameters);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static String describe(Throwable ex) {
		return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

}
