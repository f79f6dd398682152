package org.hourglass.denoise;

import java.io.File;
import java.util.List;
import java.util.Optional;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingReport;
import org.hourglass.api.training.TrainingSource;
import org.hourglass.imagej.ImageFolder;
import org.hourglass.imagej.TrainingImages;
import org.hourglass.imagej.variant.TrainingDefaults;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Trains a denoise model on noisy images alone, no clean image needed: by blind-spot masking (the Noise2Void
 * idea, {@link BlindSpotMasker}) or by neighbour sub-sampling (the Neighbor2Neighbor idea,
 * {@link NeighbourSubsampler}). Trains on every plane of an image or stack, or of every image in a folder.
 */
@Plugin(type = Command.class, name = "denoise-train-n2v", label = "Hourglass Denoise Train (self-supervised)",
	menuPath = "Plugins>Hourglass>Denoise>Hourglass Denoise Train (self-supervised)", headless = true,
	description = "Train a denoise model on noisy images alone (blind spot or neighbour sub-sampling).")
public class TrainSelfSupervisedCommand extends DenoiseTrainCommand {

	@Parameter(label = "Noisy image", required = false,
		description = "The noisy image or stack to learn from. Ignored if an input folder is given.")
	private ImagePlus input;

	@Parameter(label = "Input folder", style = "directory", required = false,
		description = "Learn from every image in this folder instead.")
	private File inputFolder;

	@Parameter(label = "Validation image", required = false,
		description = "A noisy image to measure progress on; if none, 10 % of each image is held out.")
	private ImagePlus validation;

	@Parameter(label = "Method", choices = { METHOD_BLIND_SPOT, METHOD_NEIGHBOUR },
		description = "blind-spot: the network predicts masked pixels from their surroundings (Noise2Void); " +
			"neighbour-subsampling: it predicts one pixel of every 2x2 cell from an adjacent one, a loss on every " +
			"pixel, which learns faster and denoises better when the noise is independent from pixel to pixel.")
	private String method = METHOD_BLIND_SPOT;

	@Parameter(label = "Neighbourhood radius", min = "1", max = "20",
		description = "Blind spot only: a masked pixel is replaced by a random pixel at most this far away " +
			"(5: 11x11).")
	private int radius = BlindSpotMasker.DEFAULT_RADIUS;

	@Parameter(label = "Mask cell size", min = "2", max = "32",
		description = "Blind spot only: one pixel of every cell of this many pixels square is masked (4: 1/16, about " +
			"6 % of each patch; 8: 1/64); smaller cells give more training signal per step.")
	private int cell = BlindSpotMasker.DEFAULT_CELL;

	@Parameter(label = "Structured mask", choices = { "none", "horizontal", "vertical" },
		description = "Blind spot only, for noise correlated between neighbouring pixels along one direction (e.g. " +
			"line-scanned images): also hide a short line of pixels through each masked pixel along it (structN2V).")
	private String structuredMask = "none";

	@Parameter(label = "Structured mask length", min = "3",
		description = "Length in pixels of the structured mask's line (odd: the masked pixel and as many on each side).")
	private int structuredLength = 5;

	@Parameter(label = "Full-resolution skip",
		description = "Blind spot only: keep the U-Net's skip connection at full resolution. N2V2 leaves it out, so " +
			"that the output is not built from a barely processed copy of the noisy input; neighbour sub-sampling's " +
			"network adds a correction to each input pixel and always keeps it.")
	private boolean fullResolutionSkip = false;

	/** Choices of {@code method}. */
	public static final String METHOD_BLIND_SPOT = "blind-spot";
	public static final String METHOD_NEIGHBOUR = "neighbour-subsampling";

	private ImagePlus typical;

	/**
	 * A 10-minute budget (the epochs are an upper bound that a fast machine may reach) and N2V2's network: max-blur
	 * pooling, and for the blind spot no skip at full resolution.
	 */
	public TrainSelfSupervisedCommand() {
		super(new TrainingDefaults(32, 40, 100, 4e-4, 10), DenoiseVariant.POOL_MAX_BLUR);
	}

	@Override
	protected DenoiseVariant.Training training() {
		if (METHOD_BLIND_SPOT.equals(method) || method == null) return DenoiseVariant.Training.SELF_SUPERVISED;
		if (METHOD_NEIGHBOUR.equals(method)) return DenoiseVariant.Training.SELF_SUPERVISED_NEIGHBOUR;
		throw new InvalidInputException("Unknown method '" + method + "'; expected " + METHOD_BLIND_SPOT + " or " +
			METHOD_NEIGHBOUR + ".");
	}

	/**
	 * The blind spot may leave out the full-resolution skip. A residual network (neighbour sub-sampling) corrects
	 * each input pixel; without full-resolution features its correction could not follow pixel noise.
	 */
	@Override
	protected NetworkSpec.Skips skips() {
		return training() == DenoiseVariant.Training.SELF_SUPERVISED && !fullResolutionSkip
			? NetworkSpec.Skips.BELOW_FULL_RESOLUTION : NetworkSpec.Skips.ALL;
	}

	/** A blind-spot run its time budget ended far short of where it levels off is told what budget reaches it. */
	@Override
	protected Optional<String> advice(final TrainingReport report) {
		return training() == DenoiseVariant.Training.SELF_SUPERVISED ? BlindSpotBudget.advice(report) : Optional
			.empty();
	}

	@Override
	protected String modeHint(final String mode) {
		if (DenoiseVariant.Training.SELF_SUPERVISED.id().equals(mode)) return " (or choose Method = " +
			METHOD_BLIND_SPOT + ")";
		if (DenoiseVariant.Training.SELF_SUPERVISED_NEIGHBOUR.id().equals(mode)) return " (or choose Method = " +
			METHOD_NEIGHBOUR + ")";
		return "";
	}

	@Override
	protected TrainingData data() {
		final List<TrainingSource> train;
		if (inputFolder != null) {
			train = TrainingImages.folder(inputFolder.toPath(), patchSize(), channelMode());
			typical = ImageFolder.open(ImageFolder.list(inputFolder.toPath()).get(0));
		}
		else if (input != null) {
			train = TrainingImages.of(input, patchSize(), channelMode());
			typical = input;
		}
		else {
			throw new InvalidInputException("Nothing to train on: give a noisy image or an input folder.");
		}
		final List<TrainingSource> val = validation == null ? List.of() : TrainingImages.of(validation, patchSize(),
			channelMode());
		return new TrainingData(train, val, TrainingImages.describe(train));
	}

	@Override
	protected PairMaker pairs(final ModelSpec spec, final TrainingData data) {
		if (training() == DenoiseVariant.Training.SELF_SUPERVISED_NEIGHBOUR) return new NeighbourSubsampler();
		if (radius < 1) throw new InvalidInputException("Neighbourhood radius must be at least 1, got " + radius + ".");
		if (cell < 2) throw new InvalidInputException("Mask cell size must be at least 2, got " + cell + ".");
		return new BlindSpotMasker(cell, radius, LineMask.of(structuredMask, structuredLength));
	}

	@Override
	protected String pairsDescription(final PairMaker pairs) {
		return pairs.toString();
	}

	@Override
	protected ImagePlus typicalImage() {
		return typical;
	}
}
