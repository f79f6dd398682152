package org.hourglass.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.hourglass.api.HourglassException;
import org.hourglass.api.Model;
import org.hourglass.api.ModelEntry;
import org.hourglass.api.ModelService;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.ModelInfo;
import org.hourglass.api.image.ImageStatistics;
import org.hourglass.api.image.Plane;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingListener;
import org.hourglass.api.training.TrainingReport;
import org.hourglass.engine.file.ModelArchive;
import org.hourglass.engine.file.ModelFolders;
import org.hourglass.engine.train.Trainer;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/** The ND4J implementation of {@link ModelService}. */
@Plugin(type = Service.class)
public class Nd4jModelService extends AbstractService implements ModelService {

	private static final Logger LOG = LogManager.getLogger();

	/** Seed of the initial weights of a model made by {@link #create}; training re-seeds a new model. */
	private static final long CREATE_SEED = 42;

	private volatile ModelFolders folders;

	// -- Service methods --

	/** Starts ND4J early; if it cannot start (no natives for this computer), every call says why instead. */
	@Override
	public void initialize() {
		try {
			Nd4jRuntime.start();
		}
		catch (final HourglassException e) {
			LOG.info("ND4J not started: {}", e.getMessage());
		}
	}

	// -- ModelService methods --

	@Override
	public Model create(final ModelSpec spec) {
		Nd4jRuntime.start();
		return new Nd4jModel(new ModelInfo(spec, null, List.of(), "", 0, Instant.now()), CREATE_SEED);
	}

	@Override
	public Model load(final Path file, final String expectedVariant) {
		Nd4jRuntime.start();
		return Nd4jModel.fromArchive(ModelArchive.read(file, expectedVariant), file.toString());
	}

	@Override
	public Model load(final String nameOrPath, final String expectedVariant) {
		final Path direct = Path.of(nameOrPath);
		return load(Files.isRegularFile(direct) ? direct : folders().resolve(nameOrPath), expectedVariant);
	}

	@Override
	public List<ModelEntry> models(final String variant) {
		return folders().models(variant);
	}

	@Override
	public List<Path> modelFolders() {
		return folders().folders();
	}

	@Override
	public TrainingReport train(final Model model, final TrainingData data, final PairMaker pairs,
		final TrainingConfig config, final TrainingListener listener)
	{
		Nd4jRuntime.start();
		if (!(model instanceof Nd4jModel m)) {
			throw new IllegalArgumentException("models of this service only: got " + model.getClass().getName());
		}
		return new Trainer(m, data, pairs, config, listener).run();
	}

	@Override
	public ImageStatistics statistics(final Plane plane, final double lowPercentile, final double highPercentile) {
		Nd4jRuntime.start();
		return ImageStats.of(plane, lowPercentile, highPercentile);
	}

	@Override
	public Map<String, String> about() {
		Nd4jRuntime.start();
		return Nd4jRuntime.about();
	}

	// -- Helpers --

	private ModelFolders folders() {
		ModelFolders f = folders;
		if (f == null) folders = f = ModelFolders.standard();
		return f;
	}
}
