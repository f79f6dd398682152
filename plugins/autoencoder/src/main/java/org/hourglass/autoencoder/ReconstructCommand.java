package org.hourglass.autoencoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.image.Plane;
import org.hourglass.api.metrics.Metrics;
import org.hourglass.imagej.codes.ImageInputs;
import org.hourglass.imagej.codes.ImageSet;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

/**
 * Reconstructs every slice of a stack (or every image of a folder) through an autoencoder's code, for
 * inspection: the reconstructions as a 32-bit stack, and each image's error in a results table (shown in Fiji)
 * and optionally a CSV file — the mean squared error in the image's intensities and in the network's
 * normalised ones (comparable between images of different brightness).
 */
@Plugin(type = Command.class, name = "reconstruct", label = "Hourglass Autoencoder Reconstruct",
	menuPath = "Plugins>Hourglass>Autoencoder>Hourglass Autoencoder Reconstruct", headless = true,
	description = "Rebuild images from their codes, with the error of each image.")
public class ReconstructCommand extends AutoencoderCommand {

	/** Title of the results table. */
	static final String TABLE = "Hourglass Autoencoder Reconstruction Errors";

	@Parameter(type = ItemIO.OUTPUT, label = "Reconstruction")
	private ImagePlus output;

	@Parameter(type = ItemIO.OUTPUT, label = "Mean squared error")
	private double mse;

	@Parameter(type = ItemIO.OUTPUT, label = "Mean squared error, normalised")
	private double normalisedMse;

	/**
	 * One image's error.
	 *
	 * @param mse in the image's intensities
	 * @param normalisedMse in the network's normalised intensities
	 */
	record Error(String name, int slice, double mse, double normalisedMse) {}

	private static final List<ResultColumn<Error>> COLUMNS = List.of(new ResultColumn<>("Name", "name", Error::name),
		new ResultColumn<>("Slice", "slice", Error::slice), new ResultColumn<>("MSE", "mse", Error::mse),
		new ResultColumn<>("MSE (normalised)", "normalised_mse", Error::normalisedMse));

	private List<Error> errors;

	public ReconstructCommand() {
		super(AutoencoderVariant.SAMPLE_MODEL);
	}

	@Override
	protected void execute() {
		final Path csv = csvTarget();
		try (Autoencoder ae = load()) {
			final ImageInputs in = images("to reconstruct");
			final List<ImageSet.Item> items = fitted(ae, in);
			final List<Plane> out = ae.reconstruct(items, progress("Reconstructing " + in.description()));
			final List<NormalizationParams> params = ae.normalisation(items, models());
			errors = new ArrayList<>(items.size());
			double sum = 0;
			double sumNormalised = 0;
			final ImageStack stack = new ImageStack(ae.canvas().width(), ae.canvas().height());
			for (int i = 0; i < items.size(); i++) {
				final ImageSet.Item it = items.get(i);
				final double e = Metrics.mse(out.get(i), it.plane());
				final double scale = params.get(i).scale();
				errors.add(new Error(it.name(), it.slice(), e, e / (scale * scale)));
				sum += e;
				sumNormalised += e / (scale * scale);
				stack.addSlice(label(it), new FloatProcessor(out.get(i).width(), out.get(i).height(), out.get(i).data()));
			}
			mse = sum / items.size();
			normalisedMse = sumNormalised / items.size();
			write(csv, errors, COLUMNS);
			output = new ImagePlus(title(in), stack);
			final ImagePlus image = inputImage();
			if (image != null && image.getWidth() == ae.canvas().width() && image.getHeight() == ae.canvas()
				.height())
			{
				output.setCalibration(image.getCalibration().copy());
			}
			output.resetDisplayRange();
			show(ResultColumn.table(errors, COLUMNS), TABLE);
		}
	}

	/** The errors of the last run, one per image. */
	List<Error> errors() {
		return errors;
	}

	private static String title(final ImageInputs in) {
		return in.title() + "-reconstructed";
	}

	private static String label(final ImageSet.Item it) {
		return it.slice() > 0 ? it.name() + " " + it.slice() : it.name();
	}
}
