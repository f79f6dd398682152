package org.hourglass.template;

import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.ModelService;
import org.hourglass.api.image.ImageStatistics;
import org.hourglass.api.image.Plane;
import org.hourglass.imagej.HourglassCommand;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.InputChecks;
import org.hourglass.imagej.RgbPolicy;
import org.hourglass.imagej.StackPlane;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Statistics of every value of a grey-scale image (all slices, channels and frames), computed by the shared
 * {@link ModelService}: count, minimum, maximum, mean, population standard deviation and two percentiles.
 * RGB images are refused. Values are the ones ImageJ shows (calibrated for signed 16-bit images).
 */
@Plugin(type = Command.class, name = "image-statistics", menuPath = "Plugins>Hourglass>Image Statistics",
	headless = true,
	description = "Statistics of every value of an image, computed by the shared service.")
public class ImageStatisticsCommand extends HourglassCommand {

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
	protected void execute() {
		InputChecks.requireImage(input, "image");
		InputChecks.requireGrey(input);
		if (!(0 <= lowPercentile && lowPercentile <= highPercentile && highPercentile <= 100)) {
			throw new InvalidInputException("Percentiles must satisfy 0 <= low <= high <= 100; got low " +
				lowPercentile + ", high " + highPercentile + ".");
		}
		final ImageStatistics s = models.statistics(allValues(input), lowPercentile, highPercentile);
		count = s.count();
		min = s.min();
		max = s.max();
		mean = s.mean();
		std = s.stdDev();
		lowValue = s.lowPercentile();
		highValue = s.highPercentile();
	}

	/** Every plane of the image stacked into one plane: statistics do not care about the layout. */
	static Plane allValues(final ImagePlus image) {
		final List<StackPlane> planes = ImagePlanes.planes(image, RgbPolicy.REFUSE);
		final int w = image.getWidth();
		final int h = image.getHeight();
		final float[] data = new float[Math.multiplyExact(Math.multiplyExact(w, h), planes.size())];
		for (int i = 0; i < planes.size(); i++) {
			System.arraycopy(planes.get(i).plane().data(), 0, data, i * w * h, w * h);
		}
		return new Plane(w, h * planes.size(), data);
	}
}
