package org.hourglass.spark;

import java.util.Arrays;
import java.util.Locale;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.Model;
import org.hourglass.api.PredictOptions;
import org.hourglass.denoise.DenoiseCommand;
import org.hourglass.denoise.DenoiseVariant;
import org.hourglass.imagej.variant.ModelApplication;
import org.hourglass.superres.ColourUpscaling;
import org.hourglass.superres.SuperResVariant;
import org.hourglass.superres.UpscaleCommand;

/**
 * The variants the Spark job applies, each exactly as its single-machine command does (Hourglass Denoise,
 * Hourglass Upscale): the same model variant, result suffix and colour handling.
 */
enum Variant {

	DENOISE("denoise", DenoiseVariant.ID, DenoiseCommand.SUFFIX) {

		@Override
		ModelApplication application(final Model model, final PredictOptions options, final boolean toInputType) {
			return new ModelApplication(model, options, toInputType, suffix);
		}

		@Override
		void check(final Model model, final Integer factor) {
			if (factor != null) throw new InvalidInputException("--factor is for upscale, not for denoise.");
		}
	},

	UPSCALE("upscale", SuperResVariant.ID, UpscaleCommand.SUFFIX) {

		@Override
		ModelApplication application(final Model model, final PredictOptions options, final boolean toInputType) {
			return new ModelApplication(model, options, toInputType, suffix, new ColourUpscaling(suffix));
		}

		@Override
		void check(final Model model, final Integer factor) {
			if (factor != null) SuperResVariant.requireFactor(model, SuperResVariant.requireFactor(factor), "given");
		}
	};

	/** The subcommand. */
	final String command;
	/** The variant id models must carry. */
	final String id;
	/** Added to result titles. */
	final String suffix;

	Variant(final String command, final String id, final String suffix) {
		this.command = command;
		this.id = id;
		this.suffix = suffix;
	}

	/** What applies {@code model} to one image (all its planes), as the variant's command does. */
	abstract ModelApplication application(Model model, PredictOptions options, boolean toInputType);

	/**
	 * Checks the model fits the command beyond its variant.
	 *
	 * @param factor the upscaling factor asked for, or {@code null}
	 * @throws InvalidInputException if not
	 */
	abstract void check(Model model, Integer factor);

	/**
	 * The variant of a subcommand.
	 *
	 * @throws InvalidInputException for an unknown subcommand
	 */
	static Variant of(final String command) {
		return Arrays.stream(values()).filter(v -> v.command.equals(command.toLowerCase(Locale.ROOT))).findFirst()
			.orElseThrow(() -> new InvalidInputException("Unknown command '" + command + "'; expected denoise or " +
				"upscale."));
	}
}
