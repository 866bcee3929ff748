package chengguan.platform.persistence;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reference data (regions, categories) that every report looks up and admins rarely change, kept so that a report
 * does not read it again. An edit on this node forgets everything at once (and again after its commit, in case a
 * reader cached the old row in between). Another node's edit is noticed by {@link #forgetIfChanged}, which the
 * owner calls every {@link ReferenceCacheProperties#checkInterval()} with a cheap fingerprint of its table (row
 * count and sum of versions); {@link ReferenceCacheProperties#ttl()} is the backstop if that check does not run.
 * Values must not be null (use Optional for "not found": unknown codes are remembered too, so a flood of them does
 * not reach the database).
 */
public final class ReferenceCache<K, V> {

	private record Entry<V>(V value, long loadedAtNanos) {
	}

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	/** Bumped by every clear: a value loaded before a clear is not put back after it. */
	private final AtomicLong generation = new AtomicLong();

	private final long ttlNanos;

	private final int maxEntries;

	public ReferenceCache(Duration ttl, int maxEntries) {
		this.ttlNanos = ttl.toNanos();
		this.maxEntries = maxEntries;
	}

	public V get(K key, Function<K, V> loader) {
		long now = System.nanoTime();
		Entry<V> entry = entries.get(key);
		if (entry != null && now - entry.loadedAtNanos() < ttlNanos) {
			return entry.value();
		}
		long seen = generation.get();
		V value = loader.apply(key);
		if (ttlNanos > 0 && generation.get() == seen) {
			if (entries.size() >= maxEntries) {
				entries.clear(); // crude but bounded: many distinct keys mean made-up ones
			}
			entries.put(key, new Entry<>(value, now));
		}
		return value;
	}

	private volatile Object fingerprint;

	/** Forgets everything if the table's fingerprint differs from the one seen last time (another node's edit). */
	public void forgetIfChanged(Object currentFingerprint) {
		Object previous = fingerprint;
		fingerprint = currentFingerprint;
		if (previous != null && !previous.equals(currentFingerprint)) {
			clearNow();
		}
	}

	/** Forgets everything now and, inside a transaction, once more after it commits. */
	public void clear() {
		clearNow();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					clearNow();
				}
			});
		}
	}

	private void clearNow() {
		generation.incrementAndGet();
		entries.clear();
	}

}
