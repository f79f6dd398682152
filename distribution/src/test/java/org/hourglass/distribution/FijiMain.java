package org.hourglass.distribution;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;

import org.hourglass.api.Model;
import org.hourglass.api.ModelService;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

import ij.IJ;
import ij.ImagePlus;

/**
 * Fiji's way, without Fiji: a plain SciJava Context on a flat class path (the Fiji host's jars and the
 * drop-in's {@code jars/}), no OSGi. Runs the steps named by its arguments in order and prints what it finds
 * as {@code key = value} lines:
 * <ul>
 * <li>{@code service}: the class of the {@code ModelService};</li>
 * <li>{@code commands}: every Hourglass command SciJava discovers, each instantiated;</li>
 * <li>{@code denoise <image> <output.tif>}: the Denoise command with the sample model;</li>
 * <li>{@code train <image> <model.zip>}: a self-supervised training of two steps, and the saved model loaded;</li>
 * <li>{@code classes}: where the host's and the engine's JavaCPP and TensorFlow classes come from, and that
 * both JavaCPPs load their natives.</li>
 * </ul>
 */
public final class FijiMain {

	private FijiMain() {}

	public static void main(final String[] args) throws Exception {
		final Deque<String> steps = new ArrayDeque<>(Arrays.asList(args));
		final Context context = new Context();
		try {
			while (!steps.isEmpty()) {
				final String step = steps.pop();
				switch (step) {
					case "service" -> print("service", context.service(ModelService.class).getClass().getName());
					case "commands" -> commands(context);
					case "denoise" -> denoise(context, steps.pop(), steps.pop());
					case "train" -> train(context, steps.pop(), steps.pop());
					case "classes" -> classes(context);
					default -> throw new IllegalArgumentException("unknown step " + step);
				}
			}
		}
		finally {
			context.dispose();
		}
		System.exit(0);
	}

	private static void commands(final Context context) {
		final ModuleService modules = context.service(ModuleService.class);
		for (final CommandInfo c : context.service(CommandService.class).getCommands()) {
			if (!c.getClassName().startsWith("org.hourglass.")) continue;
			try {
				modules.createModule(c);
				print("command." + c.getClassName(), c.getName());
			}
			catch (final Throwable t) {
				print("command-error." + c.getClassName(), t.toString());
			}
		}
	}

	private static void denoise(final Context context, final String image, final String output) throws Exception {
		final Module m = run(context, "denoise", Map.of("input", IJ.openImage(image), "model", "denoise-sample",
			"tileSize", 0, "batchSize", 4, "convertToInputType", false));
		print("denoise.canceled", cancelReason(m));
		if (cancelReason(m).equals("no")) IJ.saveAsTiff((ImagePlus) m.getOutput("output"), output);
	}

	private static void train(final Context context, final String image, final String model) throws Exception {
		final Module m = run(context, "denoise-train-n2v", Map.of("input", IJ.openImage(image), "patchSize", 32,
			"batchSize", 4, "epochs", 1, "stepsPerEpoch", 2, "depth", 1, "filters", 4, "modelFile", new File(model),
			"overwrite", true));
		print("train.canceled", cancelReason(m));
		print("train.modelPath", m.getOutput("modelPath"));
		try (Model trained = context.service(ModelService.class).load(Path.of(model), "denoise")) {
			print("trained.variant", trained.info().spec().variant());
			print("trained.epochs", trained.info().history().size());
		}
	}

	private static void classes(final Context context) throws Exception {
		final ClassLoader host = FijiMain.class.getClassLoader();
		try (Model model = context.service(ModelService.class).load("denoise-sample", "denoise")) {
			final ClassLoader engine = model.getClass().getClassLoader();
			print("engine.loader", engine.getName());
			for (final String side : new String[] { "engine", "host" }) {
				final ClassLoader loader = side.equals("engine") ? engine : host;
				final Class<?> javacpp = loader.loadClass("org.bytedeco.javacpp.Loader");
				print(side + ".javacpp", location(javacpp));
				print(side + ".javacpp.cores", javacpp.getMethod("totalCores").invoke(null));
				print(side + ".tensorflow", location(loader.loadClass("org.tensorflow.framework.GraphDef")));
			}
		}
		print("host.protobuf", location(host.loadClass("com.google.protobuf.Message")));
	}

	private static Module run(final Context context, final String name, final Map<String, Object> inputs)
		throws Exception
	{
		final CommandService commands = context.service(CommandService.class);
		final CommandInfo info = commands.getCommands().stream().filter(c -> name.equals(c.getName())).findFirst()
			.orElseThrow(() -> new IllegalStateException(name + " not found"));
		// Hourglass commands are dynamic (their dialogs list the installed models): run as modules, as Fiji does
		return context.service(org.scijava.module.ModuleService.class).run(info, true, inputs).get();
	}

	/** Why the command stopped, or {@code no}. */
	private static String cancelReason(final Module m) {
		return m instanceof Cancelable c && c.isCanceled() ? String.valueOf(c.getCancelReason()) : "no";
	}

	private static String location(final Class<?> c) {
		return Path.of(c.getProtectionDomain().getCodeSource().getLocation().getPath()).getFileName().toString();
	}

	private static void print(final String key, final Object value) {
		System.out.println(key + " = " + value);
	}
}
