package org.hourglass.imagej.variant;

import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.api.image.Plane;
import org.hourglass.api.metrics.Metrics;
import org.hourglass.imagej.ImagePlanes;
import org.hourglass.imagej.InputChecks;
import org.hourglass.imagej.RgbPolicy;
import org.hourglass.imagej.StackPlane;

import ij.ImagePlus;
import ij.measure.ResultsTable;

/**
 * MSE, PSNR and SSIM of an image against its reference, plane by plane, and their means: what every Evaluate
 * command computes. Optionally each plane is first fitted to its reference by least squares ({@code a·x + b},
 * {@link Metrics#affineFit}), for images that do not share one intensity scale (the scale-invariant PSNR).
 */
public final class ImageComparison {

	/**
	 * One plane's measures.
	 *
	 * @param method what was measured, e.g. the model or "bicubic"
	 * @param channel the plane's channel, from 1
	 * @param slice the plane's slice, from 1
	 * @param frame the plane's frame, from 1
	 */
	public record Row(String method, String image, int channel, int slice, int frame, double mse, double psnr,
		double ssim)
	{}

	/**
	 * The measures of one image.
	 *
	 * @param rows one per plane
	 * @param range the data range PSNR and SSIM used
	 */
	public record Result(List<Row> rows, double mse, double psnr, double ssim, double range) {}

	private ImageComparison() {}

	/**
	 * @param dataRange the range of possible values (255 for 8-bit data); 0 = the reference's max − min
	 * @param affineFit fit each plane to its reference first
	 * @throws InvalidInputException if the images are not grey, differ in shape, hold NaN, are smaller than the
	 *           SSIM window, or the reference is constant and no range is given
	 */
	public static Result compare(final String method, final ImagePlus test, final ImagePlus reference,
		final double dataRange, final boolean affineFit)
	{
		for (final ImagePlus imp : new ImagePlus[] { test, reference }) {
			InputChecks.requireGrey(imp);
			InputChecks.requireFinite(imp);
			InputChecks.requireAtLeast(imp, Metrics.SSIM_WINDOW, "the SSIM window");
		}
		InputChecks.requireSameShape(test, reference);
		if (dataRange < 0 || !Double.isFinite(dataRange)) {
			throw new InvalidInputException("The data range must be a positive number, or 0 for the reference's own " +
				"range; got " + dataRange + ".");
		}
		final double range = dataRange > 0 ? dataRange : range(reference);
		if (!(range > 0)) {
			throw new InvalidInputException("Reference '" + reference.getTitle() + "' is constant, so its range is 0; " +
				"give the data range (e.g. 255 for 8-bit data).");
		}
		final List<Row> rows = new ArrayList<>();
		double sumMse = 0;
		double sumPsnr = 0;
		double sumSsim = 0;
		for (int i = 1; i <= test.getStackSize(); i++) {
			final StackPlane a = ImagePlanes.plane(test, i, RgbPolicy.REFUSE);
			final Plane b = ImagePlanes.plane(reference, i, RgbPolicy.REFUSE).plane();
			final Plane x = affineFit ? Metrics.affineFit(a.plane(), b) : a.plane();
			final Row row = new Row(method, test.getTitle(), a.channel(), a.slice(), a.frame(), Metrics.mse(x, b),
				Metrics.psnr(x, b, range), Metrics.ssim(x, b, range));
			rows.add(row);
			sumMse += row.mse();
			sumPsnr += row.psnr();
			sumSsim += row.ssim();
		}
		final int n = rows.size();
		return new Result(rows, sumMse / n, sumPsnr / n, sumSsim / n, range);
	}

	/** A results table with one row per plane of every result, in order. */
	public static ResultsTable table(final List<Result> results) {
		final ResultsTable table = new ResultsTable();
		for (final Result r : results) {
			for (final Row row : r.rows()) {
				table.incrementCounter();
				table.addValue("Method", row.method());
				table.addValue("Image", row.image());
				table.addValue("C", row.channel());
				table.addValue("Z", row.slice());
				table.addValue("T", row.frame());
				table.addValue("MSE", row.mse());
				table.addValue("PSNR", row.psnr());
				table.addValue("SSIM", row.ssim());
			}
		}
		return table;
	}

	private static double range(final ImagePlus image) {
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (final StackPlane sp : ImagePlanes.planes(image, RgbPolicy.REFUSE)) {
			for (final float v : sp.plane().data()) {
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
		}
		return max - min;
	}
}
