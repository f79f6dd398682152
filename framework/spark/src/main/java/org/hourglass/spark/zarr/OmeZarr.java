package org.hourglass.spark.zarr;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.hourglass.api.InvalidInputException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * An image in a Zarr v2 store: an OME-Zarr (0.4 and earlier) image group, whose full-resolution array is the
 * first dataset of its first {@code multiscales} entry, or a bare Zarr array. The last two dimensions are y and
 * x; all others (t, c, z) index the planes. The group's attributes (axes, units, pixel sizes) are carried to the
 * result, with the pixel size divided by the upscaling factor and only the full resolution kept.
 *
 * @param root the store's folder
 * @param dataset the array's path inside the store, {@code ""} for a bare array
 * @param array the full-resolution array
 * @param attributes the store's {@code .zattrs}, or {@code null}
 */
public record OmeZarr(Path root, String dataset, ZarrArray array, JsonNode attributes) {

	/** A Zarr store: named {@code *.zarr}, or a folder with Zarr's metadata files. */
	public static boolean isZarr(final FileSystem fs, final Path folder) throws IOException {
		if (folder.getName().toLowerCase(Locale.ROOT).endsWith(".zarr")) return true;
		for (final String meta : new String[] { ".zgroup", ".zarray", "zarr.json" }) {
			if (fs.exists(new Path(folder, meta))) return true;
		}
		return false;
	}

	/**
	 * @throws InvalidInputException if the store is Zarr v3, or a group without OME multiscales, or its array is
	 *           not readable (see {@link ZarrArray#open})
	 */
	public static OmeZarr open(final FileSystem fs, final Path root) throws IOException {
		if (fs.exists(new Path(root, "zarr.json"))) {
			throw new InvalidInputException("The store " + root + " is Zarr version 3 (OME-Zarr 0.5); Hourglass reads " +
				"Zarr version 2 (OME-Zarr 0.4 and earlier).");
		}
		final JsonNode attributes = fs.exists(new Path(root, ".zattrs")) ? read(fs, new Path(root, ".zattrs")) : null;
		if (ZarrArray.isArray(fs, root)) return new OmeZarr(root, "", ZarrArray.open(fs, root), attributes);
		final JsonNode datasets = attributes == null ? null : attributes.path("multiscales").path(0).path("datasets");
		if (datasets == null || datasets.size() == 0 || !datasets.get(0).hasNonNull("path")) {
			throw new InvalidInputException("The Zarr store " + root + " is neither an array nor an OME-Zarr image " +
				"(a group whose .zattrs has multiscales with datasets); give the folder of the image or of its array.");
		}
		final String dataset = datasets.get(0).get("path").asText();
		final ZarrArray array = ZarrArray.open(fs, new Path(root, dataset));
		final JsonNode axes = attributes.path("multiscales").path(0).path("axes");
		if (axes.size() > 0 && axes.size() != array.dimensions()) {
			throw new InvalidInputException("The OME-Zarr image " + root + " names " + axes.size() + " axes but its " +
				"array " + dataset + " has " + array.dimensions() + " dimensions.");
		}
		if (axes.size() >= 2 && !(axisName(axes, axes.size() - 2).equals("y") && axisName(axes, axes.size() - 1)
			.equals("x")))
		{
			throw new InvalidInputException("The OME-Zarr image " + root + " has axes " + axes + "; expected y and x " +
				"as the last two.");
		}
		return new OmeZarr(root, dataset, array, attributes);
	}

	/** The planes' width. */
	public long width() {
		return array.shape()[array.dimensions() - 1];
	}

	/** The planes' height. */
	public long height() {
		return array.shape()[array.dimensions() - 2];
	}

	/**
	 * The result's description at {@code out}: the same dimensions, the planes {@code factor} times larger, chunks
	 * of the same shape (their y and x {@code factor} times larger, so that every input chunk gives one result
	 * chunk), values of {@code type}, the input's compressor. Nothing is written.
	 */
	public OmeZarr result(final Path out, final int factor, final ZarrType type) {
		final long[] shape = array.shape().clone();
		final int[] chunks = array.chunks().clone();
		for (int d = shape.length - 2; d < shape.length; d++) {
			shape[d] *= factor;
			chunks[d] *= factor;
		}
		final Path arrayPath = dataset.isEmpty() ? out : new Path(out, dataset);
		return new OmeZarr(out, dataset, ZarrArray.of(arrayPath, shape, chunks, type, array.codec()), resultAttributes(
			factor));
	}

	/** Writes the group's and the array's metadata. */
	public void writeMetadata(final FileSystem fs) throws IOException {
		fs.mkdirs(root);
		if (!dataset.isEmpty()) {
			ZarrFiles.writeAtomically(fs, new Path(root, ".zgroup"), "{\n  \"zarr_format\" : 2\n}".getBytes(
				java.nio.charset.StandardCharsets.UTF_8));
		}
		if (attributes != null) {
			ZarrFiles.writeAtomically(fs, new Path(root, ".zattrs"), ZarrArray.JSON.writerWithDefaultPrettyPrinter()
				.writeValueAsBytes(attributes));
		}
		fs.mkdirs(new Path(array.path()));
		array.writeMetadata(fs);
	}

	private JsonNode resultAttributes(final int factor) {
		if (attributes == null) return null;
		final JsonNode copy = attributes.deepCopy();
		final JsonNode multiscales = copy.path("multiscales");
		for (final JsonNode m : multiscales) {
			final ArrayNode datasets = (ArrayNode) m.path("datasets");
			if (datasets.isMissingNode() || datasets.size() == 0) continue;
			final JsonNode first = datasets.get(0);
			datasets.removeAll();
			datasets.add(first);
			for (final JsonNode t : first.path("coordinateTransformations")) {
				if (!"scale".equals(t.path("type").asText()) || !t.path("scale").isArray()) continue;
				final ArrayNode scale = (ArrayNode) t.get("scale");
				for (int d = Math.max(0, scale.size() - 2); d < scale.size(); d++) scale.set(d, scale.get(d).asDouble() /
					factor);
			}
		}
		return copy;
	}

	private static String axisName(final JsonNode axes, final int i) {
		final JsonNode a = axes.get(i);
		return (a.isTextual() ? a.asText() : a.path("name").asText()).toLowerCase(Locale.ROOT);
	}

	private static JsonNode read(final FileSystem fs, final Path file) throws IOException {
		try (InputStream in = fs.open(file)) {
			return ZarrArray.JSON.readTree(in);
		}
		catch (final com.fasterxml.jackson.core.JacksonException e) {
			throw new InvalidInputException("The Zarr metadata " + file + " is not valid JSON: " + e.getOriginalMessage());
		}
	}
}
