package org.hourglass.vae;

import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.hourglass.imagej.HourglassCommand;
import org.scijava.plugin.Parameter;

/**
 * The base of the commands that use a trained VAE model (Generate, Latent Grid, Encode, Latent Map): the model
 * parameter, loading it as a model of this variant with a Gaussian latent, and closing it afterwards. A
 * model of another variant, without a Gaussian latent or never trained is refused with one message, before
 * anything is computed or written.
 */
abstract class VaeModelCommand extends HourglassCommand {

	@Parameter
	private ModelService models;

	@Parameter(label = "Model", description = "A variational autoencoder model: a name from the models folders " +
		"(vae-digits ships: MNIST digits, 2 latent dimensions), or a model file (.zip).")
	private String model = VaeVariant.SAMPLE_MODEL;

	/**
	 * Checks the parameters that do not need the model (counts, ranges), before it is loaded.
	 *
	 * @throws org.hourglass.api.InvalidInputException if one is out of range
	 */
	protected void checkParameters() {}

	/** The command's work with the loaded, checked model and the frame of its images. */
	protected abstract void execute(Model m, ImageFrame frame);

	@Override
	protected final void execute() {
		checkParameters();
		try (Model m = models.load(model, VaeVariant.ID)) {
			VaeVariant.requireGenerative(m, "'" + model + "'");
			execute(m, ImageFrame.of(m.info().spec()));
		}
	}

	/** The model service. */
	protected ModelService models() {
		return models;
	}

	/** The model's name or file as given. */
	protected String modelName() {
		return model;
	}
}
