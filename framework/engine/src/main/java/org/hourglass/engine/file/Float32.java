package org.hourglass.engine.file;

/** Raw little-endian float32: the byte form of every array in a model file. */
final class Float32 {

	private Float32() {}

	/** Encodes {@code count} values from {@code from} into {@code out} (4 bytes each). */
	static void encode(final float[] values, final int from, final int count, final byte[] out) {
		for (int i = 0; i < count; i++) {
			final int bits = Float.floatToRawIntBits(values[from + i]);
			final int o = i * 4;
			out[o] = (byte) bits;
			out[o + 1] = (byte) (bits >>> 8);
			out[o + 2] = (byte) (bits >>> 16);
			out[o + 3] = (byte) (bits >>> 24);
		}
	}

	/**
	 * Collects bytes arriving in chunks of any length into floats. Refuses more bytes than the array
	 * holds; {@link #complete()} tells whether exactly all arrived.
	 */
	static final class Decoder {

		private final float[] values;
		private int next;
		private int pending;
		private int pendingCount;

		Decoder(final int count) {
			values = new float[count];
		}

		/** @return false if the bytes overflow the array (nothing more is taken then) */
		boolean accept(final byte[] buf, final int len) {
			for (int i = 0; i < len; i++) {
				if (next == values.length) return false;
				pending |= (buf[i] & 0xff) << (8 * pendingCount);
				if (++pendingCount == 4) {
					values[next++] = Float.intBitsToFloat(pending);
					pending = 0;
					pendingCount = 0;
				}
			}
			return true;
		}

		boolean complete() {
			return next == values.length && pendingCount == 0;
		}

		float[] values() {
			return values;
		}
	}
}
