package org.hourglass.spark.zarr;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Arrays;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.hourglass.api.InvalidInputException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Zarr v2 array on any Hadoop file system: its {@code .zarray} metadata and its chunks, in C order. Chunks
 * are read whole (edge chunks are stored full-size, as Zarr requires), a missing chunk is the fill value, and a
 * chunk is written to a part file and renamed into place, so it is there complete or not at all.
 *
 * @param path the array's folder
 * @param shape the array's size along each dimension
 * @param chunks the chunk size along each dimension
 * @param type the values' type
 * @param codec the chunks' compressor
 * @param fill the value of missing chunks
 * @param separator between chunk indices in chunk names: {@code .} or {@code /}
 */
public record ZarrArray(String path, long[] shape, int[] chunks, ZarrType type, ZarrCodec codec, float fill,
	String separator) implements Serializable
{

	private static final long serialVersionUID = 1L;
	static final ObjectMapper JSON = new ObjectMapper();

	/** True if {@code folder} holds a Zarr array's metadata. */
	public static boolean isArray(final FileSystem fs, final Path folder) throws IOException {
		return fs.exists(new Path(folder, ".zarray"));
	}

	/**
	 * @throws InvalidInputException if the metadata is missing, of another Zarr version, or describes what Hourglass
	 *           does not read (Fortran order, filters, blosc)
	 */
	public static ZarrArray open(final FileSystem fs, final Path folder) throws IOException {
		final JsonNode m;
		try (InputStream in = fs.open(new Path(folder, ".zarray"))) {
			m = JSON.readTree(in);
		}
		catch (final FileNotFoundException e) {
			throw new InvalidInputException("Expected a Zarr array at " + folder + ", but it has no .zarray file.");
		}
		catch (final com.fasterxml.jackson.core.JacksonException e) {
			throw new InvalidInputException("The Zarr metadata " + new Path(folder, ".zarray") + " is not valid JSON: " + e
				.getOriginalMessage());
		}
		final String name = folder.toString();
		if (m.path("zarr_format").asInt() != 2) {
			throw new InvalidInputException("The Zarr array " + name + " has zarr_format " + m.path("zarr_format") +
				"; Hourglass reads Zarr version 2 (OME-Zarr 0.4 and earlier).");
		}
		if (!"C".equals(m.path("order").asText("C"))) {
			throw new InvalidInputException("The Zarr array " + name + " stores its chunks in Fortran order; expected " +
				"C order.");
		}
		if (m.hasNonNull("filters") && m.get("filters").size() > 0) {
			throw new InvalidInputException("The Zarr array " + name + " has filters " + m.get("filters") + "; Hourglass " +
				"reads arrays without filters.");
		}
		final long[] shape = longs(m.path("shape"));
		final long[] chunkSizes = longs(m.path("chunks"));
		if (shape.length < 2 || shape.length != chunkSizes.length) {
			throw new InvalidInputException("The Zarr array " + name + " has shape " + Arrays.toString(shape) + " and " +
				"chunks " + Arrays.toString(chunkSizes) + "; expected at least two dimensions (y, x), the same number in " +
				"both.");
		}
		final int[] chunks = new int[chunkSizes.length];
		for (int i = 0; i < chunks.length; i++) {
			if (chunkSizes[i] < 1 || chunkSizes[i] > Integer.MAX_VALUE || shape[i] < 1) {
				throw new InvalidInputException("The Zarr array " + name + " has shape " + Arrays.toString(shape) +
					" and chunks " + Arrays.toString(chunkSizes) + "; expected positive sizes.");
			}
			chunks[i] = (int) chunkSizes[i];
		}
		final JsonNode c = m.path("compressor");
		final ZarrCodec codec = c.isNull() || c.isMissingNode() ? ZarrCodec.NONE : ZarrCodec.of(c.path("id").asText(),
			c.path("level").asInt(1), name);
		final JsonNode f = m.path("fill_value");
		final float fill = f.isNumber() ? f.floatValue() : f.isTextual() && f.asText().equals("NaN") ? Float.NaN : 0;
		return new ZarrArray(folder.toString(), shape, chunks, ZarrType.parse(m.path("dtype").asText(null), name),
			codec, fill, m.path("dimension_separator").asText("."));
	}

	/** A new array's description (nothing written): fill value 0, chunk names separated by {@code .}. */
	public static ZarrArray of(final Path folder, final long[] shape, final int[] chunks, final ZarrType type,
		final ZarrCodec codec)
	{
		return new ZarrArray(folder.toString(), shape, chunks, type, codec, 0, ".");
	}

	/** Writes {@code .zarray} (atomically). */
	public void writeMetadata(final FileSystem fs) throws IOException {
		final ObjectNode m = JSON.createObjectNode();
		m.put("zarr_format", 2);
		final var s = m.putArray("shape");
		for (final long v : shape) s.add(v);
		final var c = m.putArray("chunks");
		for (final int v : chunks) c.add(v);
		m.put("dtype", type.dtype());
		if (codec.id() == null) m.putNull("compressor");
		else m.putObject("compressor").put("id", codec.id()).put("level", codec.level());
		m.put("fill_value", 0);
		m.put("order", "C");
		m.putNull("filters");
		m.put("dimension_separator", separator);
		ZarrFiles.writeAtomically(fs, new Path(path, ".zarray"), JSON.writerWithDefaultPrettyPrinter()
			.writeValueAsBytes(m));
	}

	/** True if this array has the shape, chunks and type of {@code other} (so that one may continue the other). */
	public boolean sameLayout(final ZarrArray other) {
		return Arrays.equals(shape, other.shape) && Arrays.equals(chunks, other.chunks) && type.equals(other.type);
	}

	public int dimensions() {
		return shape.length;
	}

	/** Chunks along dimension {@code d}. */
	public long chunkCount(final int d) {
		return (shape[d] + chunks[d] - 1) / chunks[d];
	}

	/** Values in one chunk. */
	public int chunkValues() {
		long n = 1;
		for (final int c : chunks) n *= c;
		if (n > Integer.MAX_VALUE / 8) {
			throw new InvalidInputException("The Zarr array " + path + " has chunks of " + Arrays.toString(chunks) +
				", " + n + " values; expected at most " + Integer.MAX_VALUE / 8 + ".");
		}
		return (int) n;
	}

	/** The file of the chunk at grid position {@code index}. */
	public Path chunkPath(final long[] index) {
		final StringBuilder b = new StringBuilder();
		for (int i = 0; i < index.length; i++) {
			if (i > 0) b.append(separator);
			b.append(index[i]);
		}
		return new Path(path, b.toString());
	}

	/** The chunk's values in C order, full-size; the fill value if the chunk is not stored. */
	public float[] readChunk(final FileSystem fs, final long[] index) throws IOException {
		final Path p = chunkPath(index);
		final byte[] stored;
		try (InputStream in = fs.open(p)) {
			stored = in.readAllBytes();
		}
		catch (final FileNotFoundException e) {
			final float[] v = new float[chunkValues()];
			Arrays.fill(v, fill);
			return v;
		}
		return type.decode(codec.decompress(stored), chunkValues(), p.toString());
	}

	/** Writes a full-size chunk atomically, replacing one that is there. */
	public void writeChunk(final FileSystem fs, final long[] index, final float[] values, final String partSuffix)
		throws IOException
	{
		final Path p = chunkPath(index);
		final Path part = new Path(p.getParent(), "." + p.getName() + "." + partSuffix + ".part");
		try (OutputStream out = fs.create(part, true)) {
			out.write(codec.compress(type.encode(values)));
		}
		ZarrFiles.moveIntoPlace(fs, part, p);
	}

	private static long[] longs(final JsonNode n) {
		final long[] v = new long[n.size()];
		for (int i = 0; i < v.length; i++) v[i] = n.get(i).asLong();
		return v;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof ZarrArray a && path.equals(a.path) && sameLayout(a) && codec.equals(a.codec);
	}

	@Override
	public int hashCode() {
		return path.hashCode();
	}

	@Override
	public String toString() {
		return path + " " + Arrays.toString(shape) + " in chunks of " + Arrays.toString(chunks) + ", " + type;
	}
}
