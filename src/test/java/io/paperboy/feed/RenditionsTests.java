package io.paperboy.feed;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RenditionsTests {

	private final Renditions<String, String> renditions = new Renditions<>(1024, String::length);

	private final AtomicInteger renders = new AtomicInteger();

	@Test
	void bodyIsMadeOnceWhileItsSourceIsTheSameObject() {
		List<String> source = List.of("a", "b");
		assertThat(this.renditions.get("key", source, () -> render(source))).isEqualTo("[a, b]#1");
		assertThat(this.renditions.get("key", source, () -> render(source))).isEqualTo("[a, b]#1");
		assertThat(this.renders).hasValue(1);
	}

	@Test
	void bodyIsMadeAgainFromANewSourceEvenAnEqualOne() {
		List<String> first = List.of("a", "b");
		List<String> reloaded = List.of("a", "b");
		this.renditions.get("key", first, () -> render(first));
		assertThat(this.renditions.get("key", reloaded, () -> render(reloaded))).isEqualTo("[a, b]#2");
		assertThat(this.renditions.get("key", reloaded, () -> render(reloaded))).isEqualTo("[a, b]#2");
	}

	@Test
	void byContentABodyIsKeptForAnEqualReloadedSource() {
		List<String> first = List.of("a", "b");
		List<String> reloaded = List.of("a", "b");
		this.renditions.getByContent("key", first, () -> render(first));

		assertThat(this.renditions.getByContent("key", reloaded, () -> render(reloaded))).isEqualTo("[a, b]#1");
		assertThat(this.renditions.getByContent("key", reloaded, () -> render(reloaded))).isEqualTo("[a, b]#1");
		assertThat(this.renders).hasValue(1);
	}

	@Test
	void byContentABodyIsMadeAgainFromASourceThatDiffers() {
		List<String> first = List.of("a", "b");
		List<String> changed = List.of("a", "c");
		this.renditions.getByContent("key", first, () -> render(first));

		assertThat(this.renditions.getByContent("key", changed, () -> render(changed))).isEqualTo("[a, c]#2");
		// and the old content, come back, is a change again
		assertThat(this.renditions.getByContent("key", first, () -> render(first))).isEqualTo("[a, b]#3");
	}

	@Test
	void keysAreKeptApart() {
		List<String> source = List.of("a");
		assertThat(this.renditions.get("one", source, () -> render(source))).isEqualTo("[a]#1");
		assertThat(this.renditions.get("two", source, () -> render(source))).isEqualTo("[a]#2");
		assertThat(this.renditions.get("one", source, () -> render(source))).isEqualTo("[a]#1");
	}

	private String render(Object source) {
		return source + "#" + this.renders.incrementAndGet();
	}

}
