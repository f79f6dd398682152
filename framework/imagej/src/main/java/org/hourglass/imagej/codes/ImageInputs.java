package org.hourglass.imagej.codes;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hourglass.api.InvalidInputException;
import org.hourglass.imagej.ImageFolder;
import org.hourglass.imagej.variant.ModelApplication;

import ij.ImagePlus;

/**
 * The images a command works on: every slice of a stack (or the one image), or every image of a folder (each
 * plane of a multi-plane file), with what commands need to know about them: their bit depth, their slice
 * labels and the names a label file uses for them.
 *
 * @param items the images, in order
 * @param bitDepth the bit depth of all of them (8, 16 or 32), or 0 if they differ
 * @param fromStack true for the slices of one stack, false for the files of a folder
 * @param sliceLabels every slice's label, or {@code null} if some slice has none (or the images come from a
 *          folder)
 * @param names the name of each image in a label file: its slice number for a stack, its file name for a folder
 * @param description e.g. {@code 'digits.tif' (1000 slices)}
 * @param title a short name for results: the image's title without extension, or the folder's name
 */
public record ImageInputs(List<ImageSet.Item> items, int bitDepth, boolean fromStack, List<String> sliceLabels,
	List<String> names, String description, String title)
{

	public ImageInputs {
		items = List.copyOf(items);
		names = List.copyOf(names);
	}

	/**
	 * The folder's images if a folder is given, else the image's slices.
	 *
	 * @param what what the images are for, for the message when neither is given
	 * @throws InvalidInputException if neither is given, the folder has no image, or an image is colour or holds
	 *           non-finite values
	 */
	public static ImageInputs read(final ImagePlus image, final File folder, final String what) {
		if (folder != null) return folder(folder.toPath());
		if (image != null) return of(image);
		throw new InvalidInputException("No images were given: choose an image or stack, or an input folder, " + what +
			".");
	}

	/** Every slice of {@code image}. */
	public static ImageInputs of(final ImagePlus image) {
		final List<ImageSet.Item> items = ImageSet.of(image);
		final List<String> names = new ArrayList<>();
		for (int i = 1; i <= items.size(); i++) names.add(Integer.toString(i));
		final int n = image.getStackSize();
		return new ImageInputs(items, image.getBitDepth(), true, Labels.fromSliceLabels(image), names, "'" + image
			.getTitle() + "'" + (n > 1 ? " (" + n + " slices)" : ""), ModelApplication.baseTitle(image));
	}

	/** Every image of {@code folder}, in file-name order. */
	public static ImageInputs folder(final Path folder) {
		final List<ImageSet.Item> items = new ArrayList<>();
		final List<String> names = new ArrayList<>();
		int depth = -1;
		final List<Path> files = ImageFolder.list(folder);
		for (final Path f : files) {
			final ImagePlus image = ImageFolder.open(f);
			image.setTitle(f.getFileName().toString());
			final List<ImageSet.Item> planes = ImageSet.of(image);
			items.addAll(planes);
			for (int i = 0; i < planes.size(); i++) names.add(f.getFileName().toString());
			depth = depth < 0 || depth == image.getBitDepth() ? image.getBitDepth() : 0;
		}
		return new ImageInputs(items, depth, false, null, names, folder.getFileName() + " (" + files.size() + " files, " +
			items.size() + " images)", folder.getFileName().toString());
	}

	/** The images brought to one size, the first's. */
	public List<ImageSet.Item> sameSize(final ImageSet.Resize resize) {
		return ImageSet.sameSize(items, resize);
	}
}
