package org.hourglass.spark;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A model file's content as it travels to the executors (in a broadcast), named by its SHA-256 hash: the same
 * model is the same hash on every executor, so each loads it once per task slot ({@link ModelCache}).
 *
 * @param name where the file was read from, for messages
 * @param sha256 the hash of {@code bytes}, 64 hex digits
 * @param bytes the model file, not to be changed
 */
record ModelBytes(String name, String sha256, byte[] bytes) implements Serializable {

	static ModelBytes of(final String name, final byte[] bytes) {
		try {
			return new ModelBytes(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
				bytes);
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java has SHA-256", e);
		}
	}
}
