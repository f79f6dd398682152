package org.hourglass.spark.zarr;

import java.nio.ByteBuffer;
import java.io.Serializable;
import java.nio.ByteOrder;
import java.util.Locale;

import org.hourglass.api.InvalidInputException;

/**
 * A Zarr v2 data type ({@code dtype}): unsigned 8, 16 and 32-bit, signed 16 and 32-bit integers and 32 and 64-bit
 * floats, either byte order. Values are converted to and from {@code float}; integers are rounded and clipped on
 * the way back.
 *
 * @param kind {@code u}, {@code i} or {@code f}
 * @param bytes bytes per value
 * @param bigEndian the byte order
 */
public record ZarrType(char kind, int bytes, boolean bigEndian) implements Serializable {

	private static final long serialVersionUID = 1L;

	/** ImageJ's 32-bit images: what results are written as. */
	public static final ZarrType FLOAT32 = new ZarrType('f', 4, false);

	/**
	 * @throws InvalidInputException for a type Hourglass does not read
	 */
	public static ZarrType parse(final String dtype, final String array) {
		if (dtype != null && dtype.length() >= 3) {
			final char order = dtype.charAt(0);
			final char kind = dtype.charAt(1);
			final String size = dtype.substring(2);
			if (order == '<' || order == '>' || order == '|') {
				switch (kind + size) {
					case "u1", "u2", "u4", "i2", "i4", "f4", "f8":
						return new ZarrType(kind, Integer.parseInt(size), order == '>');
					default:
						break;
				}
			}
		}
		throw new InvalidInputException("The Zarr array " + array + " holds values of type '" + dtype + "'; expected " +
			"unsigned 8, 16 or 32-bit, signed 16 or 32-bit integers or 32 or 64-bit floats (u1, u2, u4, i2, i4, f4, f8).");
	}

	/** The {@code dtype} string. */
	public String dtype() {
		return (bytes == 1 ? "|" : bigEndian ? ">" : "<") + kind + bytes;
	}

	private ByteOrder order() {
		return bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
	}

	/** ImageJ's bit depth for this type: 8 and 16 for u1 and u2, else 32 (its float images). */
	public int imageJBitDepth() {
		return kind == 'u' && bytes <= 2 ? bytes * 8 : 32;
	}

	/** The {@code count} values of a decoded chunk. */
	public float[] decode(final byte[] raw, final int count, final String chunk) {
		if (raw.length != (long) count * bytes) {
			throw new InvalidInputException("The Zarr chunk " + chunk + " has " + raw.length + " bytes; expected " +
				(long) count * bytes + " (" + count + " values of " + dtype() + ").");
		}
		final ByteBuffer b = ByteBuffer.wrap(raw).order(order());
		final float[] v = new float[count];
		for (int i = 0; i < count; i++) {
			v[i] = switch (kind + String.valueOf(bytes)) {
				case "u1" -> b.get(i) & 0xff;
				case "u2" -> b.getShort(i * 2) & 0xffff;
				case "u4" -> b.getInt(i * 4) & 0xffffffffL;
				case "i2" -> b.getShort(i * 2);
				case "i4" -> b.getInt(i * 4);
				case "f4" -> b.getFloat(i * 4);
				default -> (float) b.getDouble(i * 8);
			};
		}
		return v;
	}

	/** The bytes of {@code values}, integers rounded and clipped to the type's range. */
	public byte[] encode(final float[] values) {
		final ByteBuffer b = ByteBuffer.allocate(values.length * bytes).order(order());
		for (int i = 0; i < values.length; i++) {
			final float v = values[i];
			switch (kind + String.valueOf(bytes)) {
				case "u1" -> b.put(i, (byte) clip(v, 0, 255));
				case "u2" -> b.putShort(i * 2, (short) clip(v, 0, 65535));
				case "u4" -> b.putInt(i * 4, (int) clip(v, 0, 4294967295L));
				case "i2" -> b.putShort(i * 2, (short) clip(v, Short.MIN_VALUE, Short.MAX_VALUE));
				case "i4" -> b.putInt(i * 4, (int) clip(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
				case "f4" -> b.putFloat(i * 4, v);
				default -> b.putDouble(i * 8, v);
			}
		}
		return b.array();
	}

	private static long clip(final float v, final long min, final long max) {
		if (Float.isNaN(v)) return 0;
		return Math.max(min, Math.min(max, Math.round((double) v)));
	}

	@Override
	public String toString() {
		return dtype().toLowerCase(Locale.ROOT);
	}
}
