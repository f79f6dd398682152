package org.hourglass.vae;

import java.util.List;
import java.util.Locale;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.image.Plane;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * New images from a VAE: {@code count} latent vectors drawn from {@code N(0, I)} (scaled by the temperature)
 * and decoded, as a stack whose slice labels are the vectors. The same seed gives the same images.
 */
@Plugin(type = Command.class, name = "generate", label = "Hourglass VAE Generate",
	menuPath = "Plugins>Hourglass>Variational autoencoder>Hourglass VAE Generate", headless = true,
	description = "New images from latent vectors drawn from N(0, I), as a stack.")
public class GenerateCommand extends VaeModelCommand {

	/** Temperatures above this draw codes the model has essentially never seen. */
	static final double MAX_TEMPERATURE = 10;

	@Parameter(label = "Number of images", min = "1", description = "How many new images to make.")
	private int count = 16;

	@Parameter(label = "Temperature", min = "0",
		description = "Scale of the draw: z ~ N(0, temperature^2 I). 1 samples the prior; less gives typical, " +
			"cleaner images; more gives unusual ones.")
	private double temperature = 1;

	@Parameter(label = "Random seed", description = "Seed of the draw: the same seed gives the same images.")
	private long seed = 42;

	@Parameter(type = ItemIO.OUTPUT, label = "Generated images")
	private ImagePlus generated;

	@Override
	protected void checkParameters() {
		if (!(temperature >= 0 && temperature <= MAX_TEMPERATURE)) {
			throw new InvalidInputException("The temperature must be between 0 and " + MAX_TEMPERATURE + ", got " +
				temperature + ".");
		}
		if (count < 1) throw new InvalidInputException("The number of images must be at least 1, got " + count + ".");
	}

	@Override
	protected void execute(final Model m, final ImageFrame frame) {
		Decoded.requireCount("generated images", count, frame);
		final int d = m.codeShape()[0];
		final List<float[]> codes = LatentCodes.prior(count, d, temperature, seed);
		final List<Plane> images = Decoded.decode(m, frame, codes);
		generated = Decoded.stack(title(), images, codes.stream().map(Decoded::label).toList());
	}

	private String title() {
		final String name = modelName().replaceAll(".*[/\\\\]", "").replaceAll("(?i)\\.zip$", "");
		return name + "-generated" + (temperature == 1 ? "" : String.format(Locale.ROOT, "-t%.2g", temperature));
	}
}
