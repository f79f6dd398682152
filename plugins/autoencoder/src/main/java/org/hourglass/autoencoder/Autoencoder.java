package org.hourglass.autoencoder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.hourglass.api.Encoding;
import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.api.Progress;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.image.Plane;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.imagej.codes.ImageSet;

/**
 * A trained autoencoder with the canvas it puts images on: it brings image sets to the size it was trained on,
 * encodes them into codes and reconstructs them. Holds the model (native memory): close it.
 */
public final class Autoencoder implements AutoCloseable {

	/** Images handed to the model at once, between progress updates and cancellation checks. */
	static final int CHUNK = 256;

	private final Model model;
	private final Canvas canvas;

	/**
	 * Takes over {@code model} (closed with this autoencoder).
	 *
	 * @throws org.hourglass.api.ModelFileException if it does not say which image size it was trained on
	 */
	public Autoencoder(final Model model) {
		this.model = model;
		this.canvas = Canvas.of(model.info().spec());
	}

	/**
	 * Loads an autoencoder model by name or file.
	 *
	 * @throws org.hourglass.api.ModelFileException if there is none, it is damaged or of another variant
	 */
	public static Autoencoder load(final ModelService models, final String nameOrPath) {
		final Model m = models.load(nameOrPath, AutoencoderVariant.ID);
		try {
			return new Autoencoder(m);
		}
		catch (final RuntimeException e) {
			m.close();
			throw e;
		}
	}

	public Model model() {
		return model;
	}

	public Canvas canvas() {
		return canvas;
	}

	/** The shape of a code: {@code [d]}, or {@code [channels, rows, columns]}. */
	public int[] codeShape() {
		return model.codeShape();
	}

	/** The code as people read it, e.g. {@code a dense code of 2 values} or {@code a convolutional code of 8x4x4}. */
	public String describeCode() {
		final NetworkSpec net = model.info().spec().network();
		final int[] s = codeShape();
		if (net.latent().kind() != Latent.Kind.CONVOLUTIONAL) return "a dense code of " + s[0] + " values";
		return "a convolutional code of " + s[0] + "x" + s[1] + "x" + s[2] + " values";
	}

	/**
	 * The items, brought to the size the model was trained on.
	 *
	 * @throws org.hourglass.api.InvalidInputException if one has another size and {@code resize} is none (or it
	 *           is smaller and {@code resize} is crop)
	 */
	public List<ImageSet.Item> fit(final List<ImageSet.Item> items, final ImageSet.Resize resize) {
		return ImageSet.toSize(items, canvas.width(), canvas.height(), resize, "the size the model was trained on");
	}

	/** The code of every item (of the model's image size, see {@link #fit}), flattened (C order). */
	public List<float[]> encode(final List<ImageSet.Item> items, final Progress progress) {
		final List<float[]> out = new ArrayList<>(items.size());
		for (int start = 0; start < items.size(); start += CHUNK) {
			if (progress.isCancelled()) throw new CancellationException();
			final List<Plane> chunk = new ArrayList<>();
			for (final ImageSet.Item it : items.subList(start, Math.min(items.size(), start + CHUNK))) {
				chunk.add(canvas.pad(it.plane()));
			}
			for (final Encoding e : model.encode(chunk)) out.add(e.mean());
			progress.update(Math.min(items.size(), start + CHUNK), items.size());
		}
		return out;
	}

	/** The reconstruction of every item (of the model's image size), in the items' intensities. */
	public List<Plane> reconstruct(final List<ImageSet.Item> items, final Progress progress) {
		final List<Plane> out = new ArrayList<>(items.size());
		for (int start = 0; start < items.size(); start += CHUNK) {
			if (progress.isCancelled()) throw new CancellationException();
			final List<Plane> chunk = new ArrayList<>();
			for (final ImageSet.Item it : items.subList(start, Math.min(items.size(), start + CHUNK))) {
				chunk.add(canvas.pad(it.plane()));
			}
			for (final Plane p : model.apply(chunk, 32, Progress.NONE)) out.add(canvas.unpad(p));
			progress.update(Math.min(items.size(), start + CHUNK), items.size());
		}
		return out;
	}

	/**
	 * Every item as the network sees it: normalised by the model's rule (per-image percentiles are taken on
	 * the canvas, as the network takes them), without the canvas.
	 */
	public List<Plane> normalised(final List<ImageSet.Item> items, final ModelService models) {
		final List<NormalizationParams> params = normalisation(items, models);
		final List<Plane> out = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) out.add(params.get(i).apply(items.get(i).plane()));
		return out;
	}

	/** How the network normalises each item: {@code normalised = (value - offset) / scale}. */
	public List<NormalizationParams> normalisation(final List<ImageSet.Item> items, final ModelService models) {
		final Normalization rule = model.info().spec().normalization();
		final List<NormalizationParams> out = new ArrayList<>(items.size());
		for (final ImageSet.Item it : items) {
			out.add(switch (rule.mode()) {
				case PERCENTILE -> rule.fit(models.statistics(canvas.pad(it.plane()), rule.low(), rule.high()));
				case MEAN_STD -> model.info().fittedNormalization().get(0);
				case FIXED, NONE -> rule.fit(null);
			});
		}
		return out;
	}

	@Override
	public void close() {
		model.close();
	}
}
