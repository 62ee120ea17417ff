package io.paperboy.feed;

import java.lang.ref.WeakReference;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.paperboy.account.Viewer;

/**
 * Response bodies made from the data {@link FeedService} serves: a rendered day page, a serialised
 * API answer. Making one costs far more than sending it (a busy day renders to some 55 kB of HTML
 * and 260 kB of JSON), so each is kept and sent again for as long as FeedService serves the same
 * data.
 * <p>
 * A body is reused only while the object it was made from is the very object FeedService returns
 * now (compared by identity). When FeedService's entry expires or the catalog changes, it loads a
 * new object and the body is made again from that: bodies are never staler than the lists.
 * <p>
 * Only what anonymous visitors are sent is kept: a signed-in member's body is made for each request.
 *
 * @param <K> what a body is kept under: what, besides the data, it depends on
 * @param <V> the body
 */
final class Renditions<K, V> {

	private final Cache<K, Rendition<V>> cache;

	/**
	 * @param maximumBytes how many bytes of bodies to keep at most
	 * @param size a body's size in bytes
	 */
	Renditions(long maximumBytes, ToIntFunction<V> size) {
		this.cache = Caffeine.newBuilder()
			.maximumWeight(maximumBytes)
			.weigher((K key, Rendition<V> rendition) -> size.applyAsInt(rendition.body()))
			.build();
	}

	/**
	 * The body kept under {@code key} if it was made from {@code source}; otherwise the one
	 * {@code render} makes now (once, however many requests ask for it at the same time).
	 * {@code render} must not use this object.
	 */
	V get(K key, Object source, Supplier<V> render) {
		if (!Viewer.current().isAnonymous()) {
			// a signed-in member's page carries their name and form token: made for them alone, never kept
			return render.get();
		}
		Rendition<V> kept = this.cache.getIfPresent(key);
		if (kept != null && kept.isOf(source)) {
			return kept.body();
		}
		return this.cache.asMap()
			.compute(key, (k, current) -> (current != null && current.isOf(source)) ? current
					: new Rendition<>(new WeakReference<>(source), render.get()))
			.body();
	}

	/** A body and, weakly, the object it was made from: a collected source cannot be served again anyway. */
	private record Rendition<V>(WeakReference<Object> source, V body) {

		boolean isOf(Object candidate) {
			return this.source.get() == candidate;
		}

	}

}
