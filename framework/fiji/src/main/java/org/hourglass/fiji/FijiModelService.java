package org.hourglass.fiji;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hourglass.api.Model;
import org.hourglass.api.ModelEntry;
import org.hourglass.api.ModelService;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.ImageStatistics;
import org.hourglass.api.image.Plane;
import org.hourglass.api.training.PairMaker;
import org.hourglass.api.training.TrainingConfig;
import org.hourglass.api.training.TrainingData;
import org.hourglass.api.training.TrainingListener;
import org.hourglass.api.training.TrainingReport;
import org.scijava.Priority;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/**
 * The {@link ModelService} of Fiji: every call goes to the engine's own implementation, which runs in its
 * own class loader ({@link Engine}). Models it returns are the engine's, and go back to it as they are.
 * The engine is loaded and started on first use, not when Fiji starts; if it cannot start (not installed, no
 * native libraries for this computer) every call throws the same {@link org.hourglass.api.HourglassException},
 * whose message says what to install, and Hourglass commands show it as their reason to stop.
 * <p>
 * High priority: it wins over an engine class left on Fiji's class path by an older installation.
 */
@Plugin(type = Service.class, priority = Priority.HIGH)
public class FijiModelService extends AbstractService implements ModelService {

	private volatile ModelService engine;

	// -- ModelService methods --

	@Override
	public Model create(final ModelSpec spec) {
		return engine().create(spec);
	}

	@Override
	public Model load(final Path file, final String expectedVariant) {
		return engine().load(file, expectedVariant);
	}

	@Override
	public Model load(final String nameOrPath, final String expectedVariant) {
		return engine().load(nameOrPath, expectedVariant);
	}

	@Override
	public List<ModelEntry> models(final String variant) {
		return engine().models(variant);
	}

	@Override
	public List<Path> modelFolders() {
		return engine().modelFolders();
	}

	@Override
	public TrainingReport train(final Model model, final TrainingData data, final PairMaker pairs,
		final TrainingConfig config, final TrainingListener listener)
	{
		return engine().train(model, data, pairs, config, listener);
	}

	@Override
	public ImageStatistics statistics(final Plane plane, final double lowPercentile, final double highPercentile) {
		return engine().statistics(plane, lowPercentile, highPercentile);
	}

	@Override
	public Map<String, String> about() {
		return engine().about();
	}

	// -- Helpers --

	/** The engine's service, in this Context and started; retried on every call until it starts. */
	private ModelService engine() {
		ModelService e = engine;
		if (e != null) return e;
		synchronized (this) {
			if (engine != null) return engine;
			e = Engine.service();
			if (e.getContext() == null) e.setContext(getContext());
			e.initialize();
			engine = e;
			return e;
		}
	}
}
