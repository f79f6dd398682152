package org.hourglass.engine;

import java.nio.file.Path;
import java.util.List;

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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/** The ND4J implementation of {@link ModelService}. */
@Plugin(type = Service.class)
public class Nd4jModelService extends AbstractService implements ModelService {

	// -- Service methods --

	@Override
	public void initialize() {
		Nd4jRuntime.start();
	}

	// -- ModelService methods --

	@Override
	public Model create(final ModelSpec spec) {
		throw new UnsupportedOperationException("TODO");
	}

	@Override
	public Model load(final Path file, final String expectedVariant) {
		throw new UnsupportedOperationException("TODO");
	}

	@Override
	public Model load(final String nameOrPath, final String expectedVariant) {
		throw new UnsupportedOperationException("TODO");
	}

	@Override
	public List<ModelEntry> models(final String variant) {
		throw new UnsupportedOperationException("TODO");
	}

	@Override
	public List<Path> modelFolders() {
		throw new UnsupportedOperationException("TODO");
	}

	@Override
	public TrainingReport train(final Model model, final TrainingData data, final PairMaker pairs,
		final TrainingConfig config, final TrainingListener listener)
	{
		throw new UnsupportedOperationException("TODO");
	}

	@Override
	public ImageStatistics statistics(final Plane plane, final double lowPercentile, final double highPercentile) {
		try (INDArray values = Nd4j.createFromArray(plane.data()).castTo(DataType.DOUBLE)) {
			final double mean = values.meanNumber().doubleValue();
			final double std = values.stdNumber(false).doubleValue();
			final double min = values.minNumber().doubleValue();
			final double max = values.maxNumber().doubleValue();
			final double low = values.percentileNumber(lowPercentile).doubleValue();
			final double high = values.percentileNumber(highPercentile).doubleValue();
			return new ImageStatistics(values.length(), min, max, mean, std, low, high);
		}
	}
}
