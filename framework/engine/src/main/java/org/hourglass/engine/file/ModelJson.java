package org.hourglass.engine.file;

import static org.hourglass.engine.file.JsonFields.array;
import static org.hourglass.engine.file.JsonFields.bool;
import static org.hourglass.engine.file.JsonFields.constant;
import static org.hourglass.engine.file.JsonFields.integer;
import static org.hourglass.engine.file.JsonFields.ints;
import static org.hourglass.engine.file.JsonFields.longs;
import static org.hourglass.engine.file.JsonFields.number;
import static org.hourglass.engine.file.JsonFields.object;
import static org.hourglass.engine.file.JsonFields.optionalInstant;
import static org.hourglass.engine.file.JsonFields.optionalObject;
import static org.hourglass.engine.file.JsonFields.optionalText;
import static org.hourglass.engine.file.JsonFields.putInts;
import static org.hourglass.engine.file.JsonFields.putLongs;
import static org.hourglass.engine.file.JsonFields.putNumber;
import static org.hourglass.engine.file.JsonFields.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hourglass.api.ModelInfo;
import org.hourglass.api.ModelSpec;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.network.Activation;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.EpochResult;
import org.nd4j.shade.jackson.core.JsonParser;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.DeserializationFeature;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * The metadata document {@code hourglass-model.json}: API types to JSON trees and back, built and read
 * field by field (no reflection-based binding). Layout: docs/MODEL-FORMAT.md.
 */
final class ModelJson {

	static final String AXES = "YX";

	private static final ObjectMapper MAPPER = new ObjectMapper()
		.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private ModelJson() {}

	// -- The document --

	/** The whole document, pretty-printed UTF-8. */
	static byte[] write(final ModelInfo info, final Map<String, EntryRef> weights, final EntryRef testInput,
		final EntryRef testOutput)
	{
		final ObjectNode root = MAPPER.createObjectNode();
		final ModelSpec spec = info.spec();
		root.put("formatVersion", ModelArchive.FORMAT_VERSION);
		root.put("variant", spec.variant());
		root.put("variantVersion", spec.variantVersion());
		root.put("created", info.created() == null ? null : info.created().toString());
		root.put("axes", AXES);
		root.set("network", network(spec.network()));
		root.set("loss", loss(spec.loss()));
		root.set("normalization", normalization(spec.normalization()));
		root.set("fittedNormalization", params(info.fittedNormalization()));
		final ObjectNode props = root.putObject("properties");
		spec.properties().forEach(props::put);
		final ObjectNode training = root.putObject("training");
		training.put("data", info.trainingData());
		putNumber(training, "seconds", info.trainingSeconds());
		final ArrayNode history = training.putArray("history");
		info.history().forEach(e -> history.add(epoch(e)));
		final ArrayNode index = root.putArray("weights");
		weights.forEach((name, ref) -> {
			final ObjectNode w = index.addObject();
			w.put("name", name);
			putLongs(w, "shape", ref.shape());
			w.put("entry", ref.entry());
		});
		final ObjectNode test = root.putObject("test");
		test.set("input", ref(testInput));
		test.set("output", ref(testOutput));
		try {
			return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
		}
		catch (final JsonProcessingException e) {
			throw new IllegalStateException("cannot write model metadata", e);
		}
	}

	/** Parses the document: one JSON object, no duplicate keys, nothing after it. */
	static JsonNode parse(final byte[] json) {
		final JsonNode root;
		try {
			root = MAPPER.readTree(json);
		}
		catch (final IOException e) {
			throw new BadArchiveException("it is not valid JSON (" + firstLine(e.getMessage()) + ")");
		}
		if (root == null || !root.isObject()) throw new BadArchiveException("it is not a JSON object");
		return root;
	}

	static int formatVersion(final JsonNode root) {
		return integer(root, "formatVersion", "");
	}

	static String variant(final JsonNode root) {
		return text(root, "variant", "");
	}

	/** The model's metadata; fields the API refuses are reported as such. */
	static ModelInfo info(final JsonNode root) {
		final String axes = text(root, "axes", "");
		if (!AXES.equals(axes)) throw new BadArchiveException("axes must be '" + AXES + "', found '" + axes + "'");
		try {
			final ModelSpec spec = new ModelSpec(variant(root), integer(root, "variantVersion", ""),
				network(object(root, "network", "")), loss(object(root, "loss", "")),
				normalization(object(root, "normalization", "")),
				JsonFields.strings(root, "properties", "", new TreeMap<>()));
			final ObjectNode training = object(root, "training", "");
			final List<EpochResult> history = new ArrayList<>();
			final ArrayNode h = array(training, "history", "training");
			for (int i = 0; i < h.size(); i++) {
				history.add(epoch(h.get(i), "training.history[" + i + "]"));
			}
			return new ModelInfo(spec, params(optionalObject(root, "fittedNormalization", "")), history,
				optionalText(training, "data", "training"), number(training, "seconds", "training"),
				optionalInstant(root, "created", ""));
		}
		catch (final IllegalArgumentException e) {
			throw new BadArchiveException("it describes an invalid model: " + e.getMessage());
		}
	}

	/** The weights index, by variable name in file order. */
	static Map<String, EntryRef> weights(final JsonNode root) {
		final ArrayNode index = array(root, "weights", "");
		final Map<String, EntryRef> out = new LinkedHashMap<>();
		for (int i = 0; i < index.size(); i++) {
			final String path = "weights[" + i + "]";
			final JsonNode w = index.get(i);
			if (!w.isObject()) throw new BadArchiveException("field '" + path + "' must be an object");
			final String name = text(w, "name", path);
			if (out.put(name, new EntryRef(text(w, "entry", path), longs(w, "shape", path))) != null) {
				throw new BadArchiveException("the weight '" + name + "' is listed twice");
			}
		}
		return out;
	}

	/** The test plane {@code which} ("input" or "output"). */
	static EntryRef testPlane(final JsonNode root, final String which) {
		final ObjectNode ref = object(object(root, "test", ""), which, "test");
		return new EntryRef(text(ref, "entry", "test." + which), longs(ref, "shape", "test." + which));
	}

	// -- API types --

	static ObjectNode network(final NetworkSpec n) {
		final ObjectNode o = MAPPER.createObjectNode();
		o.put("inputChannels", n.inputChannels());
		o.put("outputChannels", n.outputChannels());
		putInts(o, "encoderFilters", n.encoderFilters());
		putInts(o, "decoderFilters", n.decoderFilters());
		o.put("convsPerLevel", n.convsPerLevel());
		o.put("kernelSize", n.kernelSize());
		o.put("activation", n.activation().name());
		o.put("skipConnections", n.skipConnections());
		final ObjectNode latent = o.putObject("latent");
		latent.put("kind", n.latent().kind().name());
		latent.put("size", n.latent().size());
		o.put("inputSize", n.inputSize());
		o.put("upscale", n.upscale());
		o.put("residual", n.residual());
		o.put("outputActivation", n.outputActivation().name());
		// derived, for readers of the file; ignored when loading
		o.put("downsamplingFactor", n.downsamplingFactor());
		o.put("receptiveFieldRadius", n.receptiveFieldRadius());
		return o;
	}

	static NetworkSpec network(final JsonNode o) {
		final String p = "network";
		final ObjectNode latent = object(o, "latent", p);
		return new NetworkSpec(integer(o, "inputChannels", p), integer(o, "outputChannels", p),
			ints(o, "encoderFilters", p), ints(o, "decoderFilters", p), integer(o, "convsPerLevel", p),
			integer(o, "kernelSize", p), constant(o, "activation", p, Activation.class),
			bool(o, "skipConnections", p),
			new Latent(constant(latent, "kind", "network.latent", Latent.Kind.class),
				integer(latent, "size", "network.latent")),
			integer(o, "inputSize", p), integer(o, "upscale", p), bool(o, "residual", p),
			constant(o, "outputActivation", p, Activation.class));
	}

	static ObjectNode loss(final Loss loss) {
		final ObjectNode o = MAPPER.createObjectNode();
		o.put("kind", loss.kind().name());
		o.put("klWeight", loss.klWeight());
		return o;
	}

	static Loss loss(final JsonNode o) {
		return new Loss(constant(o, "kind", "loss", Loss.Kind.class), number(o, "klWeight", "loss"));
	}

	static ObjectNode normalization(final Normalization n) {
		final ObjectNode o = MAPPER.createObjectNode();
		o.put("mode", n.mode().name());
		putNumber(o, "low", n.low());
		putNumber(o, "high", n.high());
		return o;
	}

	static Normalization normalization(final JsonNode o) {
		final String p = "normalization";
		return new Normalization(constant(o, "mode", p, Normalization.Mode.class), number(o, "low", p),
			number(o, "high", p));
	}

	/** JSON {@code null} for {@code null}. */
	static JsonNode params(final NormalizationParams n) {
		if (n == null) return MAPPER.nullNode();
		final ObjectNode o = MAPPER.createObjectNode();
		o.put("offset", n.offset());
		o.put("scale", n.scale());
		return o;
	}

	static NormalizationParams params(final ObjectNode o) {
		if (o == null) return null;
		final String p = "fittedNormalization";
		return new NormalizationParams(number(o, "offset", p), number(o, "scale", p));
	}

	static ObjectNode epoch(final EpochResult e) {
		final ObjectNode o = MAPPER.createObjectNode();
		o.put("epoch", e.epoch());
		putNumber(o, "trainingLoss", e.trainingLoss());
		putNumber(o, "validationLoss", e.validationLoss());
		putNumber(o, "learningRate", e.learningRate());
		putNumber(o, "seconds", e.seconds());
		o.put("best", e.best());
		return o;
	}

	static EpochResult epoch(final JsonNode o, final String p) {
		if (!o.isObject()) throw new BadArchiveException("field '" + p + "' must be an object");
		return new EpochResult(integer(o, "epoch", p), number(o, "trainingLoss", p), number(o, "validationLoss", p),
			number(o, "learningRate", p), number(o, "seconds", p), bool(o, "best", p));
	}

	private static ObjectNode ref(final EntryRef r) {
		final ObjectNode o = MAPPER.createObjectNode();
		o.put("entry", r.entry());
		putLongs(o, "shape", r.shape());
		return o;
	}

	private static String firstLine(final String s) {
		if (s == null) return "unreadable";
		final int nl = s.indexOf('\n');
		return nl < 0 ? s : s.substring(0, nl);
	}
}
