package io.paperboy.thumbnail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FirstPageRendererTests {

	private final FirstPageRenderer renderer = new FirstPageRenderer();

	@TempDir
	Path folder;

	@Test
	void aLetterPageBecomesASmallJpegFourHundredPixelsWide() throws Exception {
		byte[] jpeg = this.renderer.render(file(TestPdfs.paper("Attention Is All You Need")));

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
		assertThat(image.getWidth()).isEqualTo(400);
		assertThat(image.getHeight()).isEqualTo(518);
		assertThat(jpeg.length).isLessThan(100 * 1024);
		assertThat(Arrays.copyOf(jpeg, 3)).containsExactly(0xFF, 0xD8, 0xFF);
	}

	@Test
	void theTextOfThePageIsDrawnOnAWhiteBackground() throws Exception {
		BufferedImage image = ImageIO
			.read(new ByteArrayInputStream(this.renderer.render(file(TestPdfs.paper("A Title in Bold")))));

		assertThat(brightness(image.getRGB(390, 510))).isGreaterThan(240);
		assertThat(darkestIn(image, 0, 0, 400, 120)).as("the title's ink").isLessThan(100);
	}

	@Test
	void anA4PageKeepsItsProportions() throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(this.renderer.render(file(TestPdfs.page(PDRectangle.A4)))));

		assertThat(image.getHeight()).isEqualTo(566);
	}

	@Test
	void aVeryTallPageIsCutToTwiceItsWidthRatherThanDrawnWhole() throws Exception {
		byte[] pdf = TestPdfs.page(new PDRectangle(10, 1_000_000));

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(this.renderer.render(file(pdf))));

		assertThat(image.getWidth()).isEqualTo(400);
		assertThat(image.getHeight()).isEqualTo(FirstPageRenderer.MAX_HEIGHT);
	}

	@Test
	void aHugePageIsDrawnAtThumbnailSize() throws Exception {
		byte[] pdf = TestPdfs.page(new PDRectangle(14_400, 14_400));

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(this.renderer.render(file(pdf))));

		assertThat(image.getWidth()).isEqualTo(400);
		assertThat(image.getHeight()).isEqualTo(400);
	}

	@Test
	void aFileThatIsNotAPdfIsALastingFailure() throws Exception {
		Path html = file("<!DOCTYPE html><html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(ThumbnailFailure.class).isThrownBy(() -> this.renderer.render(html))
			.satisfies((failure) -> assertThat(failure.mayPass()).isFalse())
			.withMessageStartingWith("the PDF could not be read");
	}

	@Test
	void aPdfCutShortBeforeItsFirstObjectIsALastingFailure() throws Exception {
		Path truncated = file(Arrays.copyOf(TestPdfs.paper("Cut"), 20));

		assertThatExceptionOfType(ThumbnailFailure.class).isThrownBy(() -> this.renderer.render(truncated))
			.satisfies((failure) -> assertThat(failure.mayPass()).isFalse());
	}

	@Test
	void randomBytesAreALastingFailure() throws Exception {
		byte[] noise = new byte[4096];
		new java.util.Random(18).nextBytes(noise);
		byte[] pdfNoise = new byte[noise.length + 9];
		System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdfNoise, 0, 9);
		System.arraycopy(noise, 0, pdfNoise, 9, noise.length);

		assertThatExceptionOfType(ThumbnailFailure.class).isThrownBy(() -> this.renderer.render(file(pdfNoise)))
			.satisfies((failure) -> assertThat(failure.mayPass()).isFalse());
	}

	@Test
	void aPdfThatNeedsAPasswordIsALastingFailureSayingSo() throws Exception {
		Path locked = file(TestPdfs.encrypted("reader"));

		assertThatExceptionOfType(ThumbnailFailure.class).isThrownBy(() -> this.renderer.render(locked))
			.satisfies((failure) -> assertThat(failure.mayPass()).isFalse())
			.withMessage("the PDF is encrypted");
	}

	@Test
	void aPdfWithoutPagesIsALastingFailureSayingSo() throws Exception {
		Path empty = file(TestPdfs.noPages());

		assertThatExceptionOfType(ThumbnailFailure.class).isThrownBy(() -> this.renderer.render(empty))
			.withMessage("the PDF has no pages");
	}

	private Path file(byte[] bytes) throws IOException {
		return Files.write(Files.createTempFile(this.folder, "paper-", ".pdf"), bytes);
	}

	private static int brightness(int rgb) {
		return (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
	}

	private static int darkestIn(BufferedImage image, int x0, int y0, int width, int height) {
		int darkest = 255;
		for (int y = y0; y < y0 + height; y++) {
			for (int x = x0; x < x0 + width; x++) {
				darkest = Math.min(darkest, brightness(image.getRGB(x, y)));
			}
		}
		return darkest;
	}

}
