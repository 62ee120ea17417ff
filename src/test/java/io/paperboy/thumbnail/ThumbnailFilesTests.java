package io.paperboy.thumbnail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ThumbnailFilesTests {

	@TempDir
	Path folder;

	@Test
	void imagesAreKeptInAFolderPerMonthOfIds() {
		ThumbnailFiles files = new ThumbnailFiles(this.folder);

		assertThat(files.fileOf("2506.00001")).isEqualTo(this.folder.resolve("2506/2506.00001.jpg"));
		assertThat(files.fileOf("0704.0001")).isEqualTo(this.folder.resolve("0704/0704.0001.jpg"));
		assertThat(files.fileOf("hep-th/9901001")).isEqualTo(this.folder.resolve("hep-th-9901/hep-th-9901001.jpg"));
		assertThat(files.fileOf("math.AG/0601001")).isEqualTo(this.folder.resolve("math.AG-0601/math.AG-0601001.jpg"));
	}

	@Test
	void anythingButAnArxivIdHasNoFile() {
		ThumbnailFiles files = new ThumbnailFiles(this.folder);

		assertThat(files.fileOf("../../etc/passwd")).isNull();
		assertThat(files.fileOf("2506.00001/../../x")).isNull();
		assertThat(files.fileOf("2506.00001v2")).isNull();
		assertThat(files.find("../x")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> files.save("../x", new byte[] { 1 }));
	}

	@Test
	void aSavedImageIsFoundWholeAndNoTemporaryFileIsLeft() throws IOException {
		ThumbnailFiles files = new ThumbnailFiles(this.folder);

		files.save("2506.00001", new byte[] { 1, 2, 3 });
		files.save("2506.00001", new byte[] { 4, 5 });

		assertThat(files.find("2506.00001")).hasValueSatisfying((file) -> assertThat(file).hasBinaryContent(new byte[] { 4, 5 }));
		try (Stream<Path> left = Files.list(this.folder.resolve("2506"))) {
			assertThat(left).extracting((path) -> path.getFileName().toString()).containsExactly("2506.00001.jpg");
		}
	}

	@Test
	void aWriteCutShortLeavesNoImageToServe() throws IOException {
		ThumbnailFiles files = new ThumbnailFiles(this.folder);
		// what a process killed mid-write leaves: a temporary file, never the image's name
		Files.createDirectories(this.folder.resolve("2506"));
		Files.write(this.folder.resolve("2506/.writing-123.tmp"), new byte[] { (byte) 0xFF, (byte) 0xD8 });

		assertThat(files.find("2506.00001")).isEmpty();
	}

}
