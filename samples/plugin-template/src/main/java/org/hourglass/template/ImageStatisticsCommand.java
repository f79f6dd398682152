package org.hourglass.template;

import org.hourglass.api.ModelService;
import org.hourglass.api.image.ImageStatistics;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Statistics of every value of a grey-scale image (all slices, channels and frames), computed by the shared
 * {@link ModelService}: count, minimum, maximum, mean, population standard deviation and two percentiles.
 * RGB images are refused.
 */
@Plugin(type = Command.class, name = "image-statistics", menuPath = "Plugins>Hourglass>Image Statistics")
public class ImageStatisticsCommand extends ContextCommand {

	@Parameter
	private ModelService models;

	@Parameter(label = "Image")
	private ImagePlus input;

	@Parameter(label = "Low percentile", min = "0", max = "100")
	private double lowPercentile = 1;

	@Parameter(label = "High percentile", min = "0", max = "100")
	private double highPercentile = 99;

	@Parameter(type = ItemIO.OUTPUT)
	private long count;

	@Parameter(type = ItemIO.OUTPUT)
	private double min;

	@Parameter(type = ItemIO.OUTPUT)
	private double max;

	@Parameter(type = ItemIO.OUTPUT)
	private double mean;

	@Parameter(type = ItemIO.OUTPUT)
	private double std;

	@Parameter(type = ItemIO.OUTPUT)
	private double lowValue;

	@Parameter(type = ItemIO.OUTPUT)
	private double highValue;

	@Override
	public void run() {
		final String problem = Planes.unsupported(input, lowPercentile, highPercentile);
		if (problem != null) {
			cancel(problem);
			return;
		}
		final ImageStatistics s = models.statistics(Planes.allValues(input), lowPercentile, highPercentile);
		count = s.count();
		min = s.min();
		max = s.max();
		mean = s.mean();
		std = s.stdDev();
		lowValue = s.lowPercentile();
		highValue = s.highPercentile();
	}
}
