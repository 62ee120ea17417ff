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
 * {@link #get} reuses a body only while the object it was made from is the very object FeedService
 * returns now (compared by identity). When FeedService's entry expires or the catalog changes, it
 * loads a new object and the body is made again from that: bodies are never staler than the lists.
 * <p>
 * {@link #getByContent} also reuses it for a new object equal to the one it was made from: a list
 * FeedService reloads unchanged (every few seconds) is then neither rendered again nor given a new
 * entity tag, so clients keep their {@code 304}s. It is for bodies made from their source alone
 * (and their key); a body that also reads something else (trending scores, sparklines) must use
 * {@link #get}, which picks up such a change with the next reload.
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
		return get(key, source, false, render);
	}

	/**
	 * As {@link #get}, but the body kept under {@code key} is also reused when it was made from an
	 * object {@linkplain Object#equals equal} to {@code source}: {@code render} must depend on
	 * {@code source} (and {@code key}) alone. The source is then held, not weakly referenced, so
	 * that the next reload has something to compare with.
	 */
	V getByContent(K key, Object source, Supplier<V> render) {
		return get(key, source, true, render);
	}

	private V get(K key, Object source, boolean byContent, Supplier<V> render) {
		if (!Viewer.current().isAnonymous()) {
			// a signed-in member's page carries their name and form token: made for them alone, never kept
			return render.get();
		}
		Rendition<V> kept = this.cache.getIfPresent(key);
		if (kept != null && kept.isOf(source)) {
			return kept.body();
		}
		return this.cache.asMap().compute(key, (k, current) -> {
			if (current != null && current.isOf(source)) {
				return current;
			}
			if (byContent && current != null && current.isEqualTo(source)) {
				// the same content reloaded: the same body (and tag), now known by the new object
				return Rendition.held(source, current.body());
			}
			return byContent ? Rendition.held(source, render.get()) : Rendition.weak(source, render.get());
		}).body();
	}

	/**
	 * A body and the object it was made from: weakly referenced when only that very object may be
	 * served the body (a collected source cannot be asked for again anyway), held when an equal one
	 * may be.
	 */
	private record Rendition<V>(WeakReference<Object> weakSource, Object heldSource, V body) {

		static <V> Rendition<V> weak(Object source, V body) {
			return new Rendition<>(new WeakReference<>(source), null, body);
		}

		static <V> Rendition<V> held(Object source, V body) {
			return new Rendition<>(null, source, body);
		}

		private Object source() {
			return (this.weakSource != null) ? this.weakSource.get() : this.heldSource;
		}

		boolean isOf(Object candidate) {
			return source() == candidate;
		}

		boolean isEqualTo(Object candidate) {
			Object source = source();
			return source != null && source.equals(candidate);
		}

	}

}
