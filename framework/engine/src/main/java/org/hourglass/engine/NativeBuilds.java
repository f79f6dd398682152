package org.hourglass.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.hourglass.api.HourglassException;

/**
 * The native builds of ND4J this engine was packaged with, one per platform (JavaCPP's platform names:
 * {@code linux-x86_64}, {@code windows-x86_64}, {@code macosx-x86_64}, {@code macosx-arm64}), and the check
 * that the build for the running platform is really there: its three native jars (nd4j-native, JavaCPP,
 * OpenBLAS) each leave one marker library on the class path.
 *
 * @param classifiers nd4j-native classifiers, e.g. {@code linux-x86_64-onednn}, {@code macosx-arm64}
 */
record NativeBuilds(List<String> classifiers, String nd4jVersion, String javacppVersion, String openblasVersion) {

	NativeBuilds {
		classifiers = List.copyOf(classifiers);
	}

	/** The classifier packaged for {@code platform}: the platform itself or the platform plus an extension. */
	Optional<String> classifierFor(final String platform) {
		return classifiers.stream().filter(c -> platformOf(c).equals(platform)).findFirst();
	}

	/** The platforms packaged, in the order given. */
	List<String> platforms() {
		return classifiers.stream().map(NativeBuilds::platformOf).toList();
	}

	/**
	 * The classifier for {@code platform}, after checking that its natives can be found.
	 *
	 * @param resources whether a class-path resource exists (e.g. {@code ClassLoader::getResource != null})
	 * @throws HourglassException that names the platform and what to install, if the platform has no packaged
	 *           build or its native jars are missing
	 */
	String check(final String platform, final Predicate<String> resources) {
		final String classifier = classifierFor(platform).orElseThrow(() -> new HourglassException(
			"Hourglass has no native build of its engine for this computer (" + platform + "); it is packaged for " +
				String.join(", ", platforms()) + "."));
		final List<String> missing = new ArrayList<>();
		final String extension = classifier.substring(platform.length());
		if (!resources.test(library("org/nd4j/linalg/cpu/nativecpu/bindings/" + platform + extension, platform,
			"jnind4jcpu"))) missing.add("nd4j-native-" + nd4jVersion + "-" + classifier + ".jar");
		if (!resources.test(library("org/bytedeco/javacpp/" + platform, platform, "jnijavacpp"))) missing.add(
			"javacpp-" + javacppVersion + "-" + platform + ".jar");
		if (!resources.test(library("org/bytedeco/openblas/" + platform, platform, "jniopenblas_nolapack")))
			missing.add("openblas-" + openblasVersion + "-" + platform + ".jar");
		if (!missing.isEmpty()) {
			throw new HourglassException("The native libraries of Hourglass's engine for this computer (" + platform +
				") are missing: " + String.join(", ", missing) + ". In Fiji, update Hourglass with Help > Update... " +
				"(Hourglass update site), or copy the drop-in's lib/hourglass/" + platform + "/ folder into Fiji.app/" +
				"lib/hourglass/; for the workbench, install the Hourglass archive made for " + platform + ".");
		}
		return classifier;
	}

	/** {@code linux-x86_64-onednn} -> {@code linux-x86_64}. */
	static String platformOf(final String classifier) {
		final int dash = classifier.indexOf('-', classifier.indexOf('-') + 1);
		return dash < 0 ? classifier : classifier.substring(0, dash);
	}

	/** A JNI library's resource path, named as the platform names it ({@code libx.so}, {@code x.dll}, {@code libx.dylib}). */
	static String library(final String folder, final String platform, final String name) {
		if (platform.startsWith("windows")) return folder + "/" + name + ".dll";
		if (platform.startsWith("macosx")) return folder + "/lib" + name + ".dylib";
		return folder + "/lib" + name + ".so";
	}
}
