package org.hourglass.engine.network;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reads and writes the trainable variables of a graph by name. */
public final class Weights {

	private Weights() {}

	/** Copies (detached from the graph) of all trainable variables, in graph order. */
	public static Map<String, INDArray> copy(final SameDiff sd) {
		final Map<String, INDArray> out = new LinkedHashMap<>();
		for (final SDVariable v : sd.variables()) {
			if (v.getVariableType() == VariableType.VARIABLE) out.put(v.name(), v.getArr().dup());
		}
		return out;
	}

	/** Assigns values in place; every name must exist in {@code sd} with the same shape. */
	public static void assign(final SameDiff sd, final Map<String, INDArray> values) {
		for (final Map.Entry<String, INDArray> e : values.entrySet()) {
			final SDVariable v = sd.getVariable(e.getKey());
			if (v == null) throw new IllegalArgumentException("the network has no variable " + e.getKey());
			v.getArr().assign(e.getValue());
		}
	}

	/** Copies every variable of {@code from} that {@code to} also has (e.g. the decoder's weights). */
	public static void copyShared(final SameDiff from, final SameDiff to) {
		for (final SDVariable v : to.variables()) {
			if (v.getVariableType() != VariableType.VARIABLE) continue;
			final SDVariable source = from.getVariable(v.name());
			if (source != null) v.getArr().assign(source.getArr());
		}
	}

	/** Closes every array of a map of copies. */
	public static void close(final Map<String, INDArray> values) {
		if (values != null) values.values().forEach(INDArray::close);
	}
}
