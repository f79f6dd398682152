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
import org.hourglass.api.image.ChannelNormalization;
import org.hourglass.api.image.Normalization;
import org.hourglass.api.image.NormalizationParams;
import org.hourglass.api.network.Activation;
import org.hourglass.api.network.Latent;
import org.hourglass.api.network.Loss;
import org.hourglass.api.network.LossTerm;
import org.hourglass.api.network.NetworkSpec;
import org.hourglass.api.training.EpochResult;
import org.hourglass.api.training.LossValues;
import org.nd4j.shade.jackson.core.JsonParser;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.DeserializationFeature;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * The metadata document {@code hourglass-model.json}: API types to JSON trees and back, built and read
 * field by field (no reflection-based binding). Writes format 2; reads formats 1 and 2 (format 1 has one
 * channel, a loss of one kind with a KL weight, one fitted normalisation and no loss terms in its history).
 * Layout: docs/MODEL-FORMAT.md.
 */
final class ModelJson {

	/** Axes of planes and test shapes in format 2: channel, row, column. */
	static final String AXES = "CYX";
	/** Axes in format 1: single-channel planes. */
	static final String AXES_V1 = "YX";

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
		root.set("fittedNormalization", fitted(info.fittedNormalization()));
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
		final int version = formatVersion(root);
		final String axes = text(root, "axes", "");
		final String expected = version == 1 ? AXES_V1 : AXES;
		if (!expected.equals(axes)) {
			throw new BadArchiveException("axes must be '" + expected + "' in format " + version + ", found '" + axes + "'");
		}
		try {
			final ModelSpec spec = new ModelSpec(variant(root), integer(root, "variantVersion", ""),
				network(object(root, "network", ""), version), loss(object(root, "loss", ""), version),
				normalization(object(root, "normalization", "")),
				JsonFields.strings(root, "properties", "", new TreeMap<>()));
			final ObjectNode training = object(root, "training", "");
			final List<EpochResult> history = new ArrayList<>();
			final ArrayNode h = array(training, "history", "training");
			for (int i = 0; i < h.size(); i++) {
				history.add(epoch(h.get(i), "training.history[" + i + "]", version));
			}
			return new ModelInfo(spec, fitted(root, version), history, optionalText(training, "data", "training"),
				number(training, "seconds", "training"), optionalInstant(root, "created", ""));
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

	/** The test plane {@code which} ("input" or "output"): shape [height, width] in format 1, [channels, height, width] after. */
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
		o.put("pooling", n.convolutions().pooling().name());
		o.put("skipConnections", n.skipConnections());
		o.put("fullResolutionSkip", n.skips() == NetworkSpec.Skips.ALL);
		final ObjectNode latent = o.putObject("latent");
		latent.put("kind", n.latent().kind().name());
		latent.put("size", n.latent().size());
		putInts(latent, "hidden", n.latent().hidden().stream().mapToInt(Integer::intValue).toArray());
		o.put("inputSize", n.inputSize());
		o.put("upscale", n.upscale());
		o.put("residual", n.residual());
		o.put("outputActivation", n.outputActivation().name());
		o.put("residualUpsampling", n.residualUpsampling().name());
		// derived, for readers of the file; ignored when loading
		o.put("downsamplingFactor", n.downsamplingFactor());
		o.put("receptiveFieldRadius", n.receptiveFieldRadius());
		return o;
	}

	static NetworkSpec network(final JsonNode o, final int version) {
		final String p = "network";
		final ObjectNode latent = object(o, "latent", p);
		final NetworkSpec.Pooling pooling = version == 1 ? NetworkSpec.Pooling.MAX
			: constant(o, "pooling", p, NetworkSpec.Pooling.class);
		return new NetworkSpec(new NetworkSpec.Input(integer(o, "inputChannels", p), integer(o, "inputSize", p)),
			ints(o, "encoderFilters", p), ints(o, "decoderFilters", p),
			new NetworkSpec.Convolutions(integer(o, "convsPerLevel", p), integer(o, "kernelSize", p),
				constant(o, "activation", p, Activation.class), pooling),
			skips(o, p),
			new Latent(constant(latent, "kind", "network.latent", Latent.Kind.class),
				integer(latent, "size", "network.latent"), hidden(latent)),
			new NetworkSpec.Output(integer(o, "outputChannels", p), integer(o, "upscale", p), bool(o, "residual", p),
				constant(o, "outputActivation", p, Activation.class),
				// absent from models written before it existed: pixel repetition
				o.has("residualUpsampling") ? constant(o, "residualUpsampling", p, NetworkSpec.Upsampling.class)
					: NetworkSpec.Upsampling.NEAREST));
	}

	/**
	 * The skip connections: {@code skipConnections}, and {@code fullResolutionSkip} (optional, with the others in
	 * files written before it existed).
	 */
	private static NetworkSpec.Skips skips(final JsonNode o, final String p) {
		if (!bool(o, "skipConnections", p)) return NetworkSpec.Skips.NONE;
		return !o.has("fullResolutionSkip") || bool(o, "fullResolutionSkip", p) ? NetworkSpec.Skips.ALL
			: NetworkSpec.Skips.BELOW_FULL_RESOLUTION;
	}

	/** The latent's hidden dense layers: optional, none in files written before there were any. */
	private static List<Integer> hidden(final ObjectNode latent) {
		if (!latent.has("hidden")) return List.of();
		return java.util.Arrays.stream(ints(latent, "hidden", "network.latent")).boxed().toList();
	}

	static ObjectNode loss(final Loss loss) {
		final ObjectNode o = MAPPER.createObjectNode();
		final ArrayNode terms = o.putArray("terms");
		for (final LossTerm t : loss.terms()) {
			final ObjectNode term = terms.addObject();
			term.put("kind", t.kind().name());
			term.put("reduction", t.reduction().name());
			putNumber(term, "weight", t.weight());
			term.put("warmupEpochs", t.warmupEpochs());
		}
		return o;
	}

	static Loss loss(final JsonNode o, final int version) {
		if (version == 1) {
			// format 1: one reconstruction kind averaged over all values, and a KL weight (0 = none)
			final LossTerm.Kind kind = constant(o, "kind", "loss", LossTerm.Kind.class);
			if (kind == LossTerm.Kind.KL) throw new BadArchiveException("field 'loss.kind' cannot be KL");
			final double kl = number(o, "klWeight", "loss");
			final List<LossTerm> terms = new ArrayList<>(List.of(new LossTerm(kind, LossTerm.Reduction.MEAN, 1, 0)));
			if (kl > 0) terms.add(new LossTerm(LossTerm.Kind.KL, LossTerm.Reduction.SUM, kl, 0));
			return new Loss(terms);
		}
		final ArrayNode a = array(o, "terms", "loss");
		final List<LossTerm> terms = new ArrayList<>();
		for (int i = 0; i < a.size(); i++) {
			final String p = "loss.terms[" + i + "]";
			final JsonNode t = a.get(i);
			if (!t.isObject()) throw new BadArchiveException("field '" + p + "' must be an object");
			terms.add(new LossTerm(constant(t, "kind", p, LossTerm.Kind.class), constant(t, "reduction", p,
				LossTerm.Reduction.class), number(t, "weight", p), integer(t, "warmupEpochs", p)));
		}
		return new Loss(terms);
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

	/** JSON {@code null} for {@code null}, else one {@code {offset, scale}} per channel. */
	static JsonNode fitted(final ChannelNormalization n) {
		if (n == null) return MAPPER.nullNode();
		final ArrayNode a = MAPPER.createArrayNode();
		for (final NormalizationParams p : n.channels()) {
			final ObjectNode o = a.addObject();
			o.put("offset", p.offset());
			o.put("scale", p.scale());
		}
		return a;
	}

	/** Format 1: one object or null; format 2: an array of objects (one per channel) or null. */
	static ChannelNormalization fitted(final JsonNode root, final int version) {
		final String name = "fittedNormalization";
		if (version == 1) {
			final ObjectNode o = optionalObject(root, name, "");
			return o == null ? null : ChannelNormalization.of(params(o, name));
		}
		if (JsonFields.field(root, name, "").isNull()) return null;
		final ArrayNode a = array(root, name, "");
		final List<NormalizationParams> channels = new ArrayList<>();
		for (int i = 0; i < a.size(); i++) {
			final JsonNode o = a.get(i);
			if (!o.isObject()) throw new BadArchiveException("field '" + name + "[" + i + "]' must be an object");
			channels.add(params(o, name + "[" + i + "]"));
		}
		if (channels.isEmpty()) throw new BadArchiveException("field '" + name + "' must not be empty");
		return new ChannelNormalization(channels);
	}

	private static NormalizationParams params(final JsonNode o, final String p) {
		return new NormalizationParams(number(o, "offset", p), number(o, "scale", p));
	}

	static ObjectNode epoch(final EpochResult e) {
		final ObjectNode o = MAPPER.createObjectNode();
		o.put("epoch", e.epoch());
		putNumber(o, "trainingLoss", e.trainingLoss());
		putNumber(o, "validationLoss", e.validationLoss());
		o.set("trainingTerms", terms(e.training()));
		o.set("validationTerms", terms(e.validation()));
		putNumber(o, "learningRate", e.learningRate());
		putNumber(o, "seconds", e.seconds());
		o.put("best", e.best());
		return o;
	}

	static EpochResult epoch(final JsonNode o, final String p, final int version) {
		if (!o.isObject()) throw new BadArchiveException("field '" + p + "' must be an object");
		final double training = number(o, "trainingLoss", p);
		final double validation = number(o, "validationLoss", p);
		final LossValues t = version == 1 ? LossValues.of(training) : new LossValues(training, terms(o,
			"trainingTerms", p));
		final LossValues v = version == 1 ? LossValues.of(validation) : new LossValues(validation, terms(o,
			"validationTerms", p));
		return new EpochResult(integer(o, "epoch", p), t, v, number(o, "learningRate", p), number(o, "seconds", p),
			bool(o, "best", p));
	}

	private static ObjectNode terms(final LossValues v) {
		final ObjectNode o = MAPPER.createObjectNode();
		v.terms().forEach((k, x) -> putNumber(o, k, x));
		return o;
	}

	private static Map<String, Double> terms(final JsonNode parent, final String name, final String path) {
		final ObjectNode o = object(parent, name, path);
		final Map<String, Double> out = new LinkedHashMap<>();
		for (final java.util.Iterator<String> it = o.fieldNames(); it.hasNext();) {
			final String k = it.next();
			out.put(k, number(o, k, path + "." + name));
		}
		return out;
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
