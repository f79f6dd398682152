package org.hourglass.api;

import java.nio.file.Path;
import java.util.List;

import org.hourglass.api.image.ImageStatistics;
import org.hourglass.api.image.Plane;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingListener;
import org.hourglass.api.training.TrainingReport;
import org.scijava.service.SciJavaService;

/**
 * The one model-and-tensor service all variants share: it creates, loads, trains and finds models and
 * computes on images. Obtain it as a SciJava service ({@code @Parameter ModelService models;}) in both
 * hosts, Fiji and the Hourglass workbench.
 */
public interface ModelService extends SciJavaService {

	/** File names ending so are training checkpoints, not models: model folders do not list them. */
	String CHECKPOINT_SUFFIX = ".checkpoint.zip";

	/** A new, untrained model. */
	Model create(ModelSpec spec);

	/**
	 * Loads a model file, checks it completely (entries, hashes, format version, variant, and that it still
	 * computes its stored test output), and returns it.
	 *
	 * @param expectedVariant the variant the caller works with; a model of another variant is refused
	 * @throws ModelFileException with a message saying what is wrong
	 */
	Model load(Path file, String expectedVariant);

	/**
	 * Loads a model by name from the models folders ({@link #modelFolders()}), or by path if
	 * {@code nameOrPath} is an existing file.
	 *
	 * @throws ModelFileException if there is no such model, or it cannot be loaded
	 */
	Model load(String nameOrPath, String expectedVariant);

	/** Models of a variant found in the models folders, by name; {@code null} variant = all. */
	List<ModelEntry> models(String variant);

	/** Where models are looked up by name: the installation's folder, then the user's. */
	List<Path> modelFolders();

	/**
	 * Trains {@code model} (new or loaded: fine-tuning) and leaves the best weights in it.
	 * Blocks until training ends; {@code listener} sees progress and can stop it.
	 *
	 * @param pairs the variant's pair maker
	 * @throws InvalidInputException if the data cannot be used (images smaller than a patch, non-finite
	 *           values, a pair maker that produces no mask for a masked loss)
	 */
	TrainingReport train(Model model, TrainingData data, PairMaker pairs, TrainingConfig config,
		TrainingListener listener);

	/** Statistics of a plane's values (all channels), including the two given percentiles (in [0, 100]). */
	ImageStatistics statistics(Plane plane, double lowPercentile, double highPercentile);

	/**
	 * Facts about the engine for reports and bug reports, in a stable order: e.g. its backend, native build,
	 * threads and the processor's instruction set.
	 */
	java.util.Map<String, String> about();
}
