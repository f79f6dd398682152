package org.hourglass.distribution;

import java.util.Map;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

import ij.IJ;
import ij.ImagePlus;

/**
 * Fiji's way, without Fiji: a plain SciJava Context on a flat class path finds the Image Statistics command
 * through the plugin indexes of the jars and runs it. Prints its outputs as {@code key = value}.
 * Arguments: the image file, the low and the high percentile.
 */
public final class FlatClassPathMain {

	private FlatClassPathMain() {}

	public static void main(final String[] args) throws Exception {
		final Context context = new Context();
		try {
			final CommandService commands = context.service(CommandService.class);
			final CommandInfo info = commands.getCommands().stream().filter(c -> "image-statistics".equals(c
				.getName())).findFirst().orElseThrow(() -> new IllegalStateException(
					"image-statistics not found on the class path"));
			final ImagePlus image = IJ.openImage(args[0]);
			final Module m = commands.run(info, true, Map.of("input", image, "lowPercentile", Double.valueOf(
				args[1]), "highPercentile", Double.valueOf(args[2]))).get();
			for (final ModuleItem<?> out : info.outputs()) {
				System.out.println(out.getName() + " = " + m.getOutput(out.getName()));
			}
			System.out.println("service = " + context.getService(org.scijava.service.Service.class.getClassLoader()
				.loadClass("org.hourglass.api.ModelService").asSubclass(org.scijava.service.Service.class))
				.getClass().getName());
		}
		finally {
			context.dispose();
		}
		System.exit(0);
	}
}
